package io.alphintra.engine.internal.monitor;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One loss threshold per factory configuration {@code etc/io.alphintra.risk.loss-NAME.cfg}. */
@ObjectClassDefinition(name = "Alphintra loss threshold", description = "Drawdown and loss limits per strategy or"
        + " account that engage a kill switch by themselves when crossed")
@interface LossThresholdConfig {
    String PID = "io.alphintra.risk.loss";

    @AttributeDefinition(description = "* (each strategy and each account on its own), strategy:ID or account:ID")
    String scope() default "";

    @AttributeDefinition(description = "Per quote currency, e.g. 'USD 50000, JPY 7500000': the most that equity may"
            + " fall below its peak")
    String maxDrawdown() default "";

    @AttributeDefinition(description = "Per quote currency, e.g. 'USD 100000': the most that realised plus unrealised"
            + " P&L may fall below zero")
    String maxLoss() default "";

    @AttributeDefinition(description = "halt (cancel working orders, refuse new ones) or reduce-only (cancel and refuse"
            + " what would increase a position)")
    String action() default "halt";
}
