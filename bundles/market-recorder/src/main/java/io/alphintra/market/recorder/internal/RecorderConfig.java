package io.alphintra.market.recorder.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = RecorderConfig.PID, name = "Alphintra market data recorder",
        description = "Records trades and tops of book of chosen instruments into daily files.")
@interface RecorderConfig {
    String PID = "io.alphintra.market.recorder";

    @AttributeDefinition(description = "Instruments to record, comma-separated SYMBOL@VENUE.")
    String instruments();

    @AttributeDefinition(description = "Directory of the daily files; relative paths are resolved against the node's"
            + " home.")
    String directory() default "var/recordings";

    @AttributeDefinition(description = "Also record tops of book (trades are always recorded).")
    boolean topOfBook() default true;

    @AttributeDefinition(description = "Events that may wait for the disk before new ones are dropped (and counted).")
    int queueCapacity() default 262144;
}
