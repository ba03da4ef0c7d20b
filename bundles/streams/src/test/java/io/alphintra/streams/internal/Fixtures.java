package io.alphintra.streams.internal;

import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.Side;

/** Reference data and events as the simulated crypto venue has them: prices to 0.01, quantities to 8 decimals. */
final class Fixtures {
    static final InstrumentId BTC_ID = InstrumentId.parse("BTC-USD@SIMX_CRYPTO");
    static final Instrument BTC = new CryptoPair(BTC_ID, Currency.BTC, Currency.USD, Jurisdiction.US,
            new TradingGrid(2, TickTable.flat(1), 8, 1_000, 10_000));
    /** 2026-01-15T08:00:00.000000001Z. */
    static final long TIME = 1_768_464_000_000_000_001L;

    private Fixtures() {
    }

    /** A new order's acknowledgement for 0.5 BTC at 64250.50. */
    static ExecutionReport pendingNew(String clientOrderId) {
        return ExecutionReport.builder().orderId("O-1").clientOrderId(ClientOrderId.of(clientOrderId))
                .execId("E-" + clientOrderId).instrumentId(BTC_ID).side(Side.BUY).execType(ExecType.PENDING_NEW)
                .status(OrderStatus.PENDING_NEW).orderQuantity(50_000_000L).leavesQuantity(50_000_000L)
                .transactTimeNanos(TIME).receiveTimeNanos(TIME).build();
    }
}
