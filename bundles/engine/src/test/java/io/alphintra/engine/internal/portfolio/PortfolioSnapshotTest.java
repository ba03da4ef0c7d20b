package io.alphintra.engine.internal.portfolio;

import static io.alphintra.engine.internal.portfolio.TestInstruments.AAPL;
import static io.alphintra.engine.internal.portfolio.TestInstruments.BTCUSDT;
import static io.alphintra.engine.internal.portfolio.TestInstruments.ES;
import static io.alphintra.engine.internal.portfolio.TestInstruments.EURUSD;
import static io.alphintra.engine.internal.portfolio.TestInstruments.VOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.money.Currency;

class PortfolioSnapshotTest {
    private static final List<Instrument> INSTRUMENTS = List.of(AAPL, VOD, ES, EURUSD, BTCUSDT);

    /** One fill, by ids rather than indices, so that it can be replayed into differently registered portfolios. */
    record Booking(String account, String strategy, Instrument instrument, long quantity, long price, Currency fee,
            long feeMantissa, int feeScale) {
        void applyTo(Portfolio portfolio) {
            portfolio.applyFill(portfolio.accountIndex(account), portfolio.registerStrategy(strategy),
                    portfolio.instrumentIndex(instrument.id()), quantity, price, fee, feeMantissa, feeScale, 1_000);
        }
    }

    private static final List<Booking> BOOKINGS = List.of(
            new Booking("ACC-1", "trend", AAPL, 100, 1_012_500, Currency.USD, 35, 2),
            new Booking("ACC-2", "trend", VOD, -500, 7_250, Currency.GBP, 1_234, 4),
            new Booking("ACC-1", "carry", EURUSD, 250_000, 108_510, Currency.USD, 0, 2),
            new Booking("ACC-1", "trend", AAPL, -150, 1_020_000, Currency.USD, 35, 2),
            new Booking("ACC-2", "carry", ES, 3, 500_025, Currency.USD, 375, 2),
            new Booking("ACC-1", "crypto", BTCUSDT, 12_345_000, 6_012_345, Currency.BTC, 12_345, 8),
            new Booking("ACC-2", "carry", ES, -1, 501_000, Currency.USD, 125, 2),
            new Booking("ACC-1", "crypto", BTCUSDT, -2_000_000, 6_100_000, Currency.USDT, 1, 6));

    @Test
    void theHashDoesNotDependOnRegistrationOrFirstTradeOrder() {
        Portfolio forward = newPortfolio(INSTRUMENTS, List.of("ACC-1", "ACC-2"));
        BOOKINGS.forEach(booking -> booking.applyTo(forward));

        Portfolio reversed = newPortfolio(reversed(INSTRUMENTS), List.of("ACC-2", "ACC-1"));
        // Per position the fills keep their order; across positions the order is reversed.
        List<Booking> reordered = new ArrayList<>();
        for (String key : List.of("ACC-2", "ACC-1")) {
            BOOKINGS.stream().filter(b -> b.account().equals(key)).forEach(reordered::add);
        }
        reordered.forEach(booking -> booking.applyTo(reversed));

        assertThat(reversed.stateHash()).hasSize(32).isEqualTo(forward.stateHash());
        assertThat(reversed.snapshot(reversed.accountIndex("ACC-1"), 5))
                .isEqualTo(forward.snapshot(forward.accountIndex("ACC-1"), 5));
    }

    @Test
    void anyChangeToTheBooksChangesTheHash() {
        Portfolio portfolio = booked();
        byte[] before = portfolio.stateHash();
        portfolio.adjustCash(portfolio.accountIndex("ACC-2"), Currency.GBP, 1, 4);
        byte[] afterCash = portfolio.stateHash();
        assertThat(afterCash).isNotEqualTo(before);
        new Booking("ACC-1", "trend", AAPL, 1, 1_000_000, Currency.USD, 0, 2).applyTo(portfolio);
        assertThat(portfolio.stateHash()).isNotEqualTo(afterCash).isNotEqualTo(before);
    }

    @Test
    void aSnapshotRestoresTheSameBooksAndDerivedAggregates() {
        Portfolio original = booked();
        ByteBuffer buffer = ByteBuffer.allocate(original.snapshotSize() + 3).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 7); // the snapshot need not start at position 0
        original.writeSnapshot(buffer);
        assertThat(buffer.position()).isEqualTo(1 + original.snapshotSize());
        assertThat(buffer.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        buffer.flip().get();

        Portfolio restored = newPortfolio(reversed(INSTRUMENTS), List.of());
        restored.readSnapshot(buffer);
        assertThat(buffer.remaining()).isZero();

        assertThat(restored.stateHash()).isEqualTo(original.stateHash());
        for (String accountId : List.of("ACC-1", "ACC-2")) {
            assertThat(restored.snapshot(restored.accountIndex(accountId), 1))
                    .isEqualTo(original.snapshot(original.accountIndex(accountId), 1));
            for (Instrument instrument : INSTRUMENTS) {
                int restoredIndex = restored.instrumentIndex(instrument.id());
                int originalIndex = original.instrumentIndex(instrument.id());
                restored.mark(restoredIndex, instrument == ES ? 499_000 : 1_000_000);
                original.mark(originalIndex, instrument == ES ? 499_000 : 1_000_000);
                assertThat(restored.accountNetQuantity(restored.accountIndex(accountId), restoredIndex))
                        .isEqualTo(original.accountNetQuantity(original.accountIndex(accountId), originalIndex));
                assertThat(restored.accountUnrealizedPnl(restored.accountIndex(accountId), restoredIndex))
                        .isEqualTo(original.accountUnrealizedPnl(original.accountIndex(accountId), originalIndex));
                assertThat(restored.accountRealizedPnl(restored.accountIndex(accountId), restoredIndex))
                        .isEqualTo(original.accountRealizedPnl(original.accountIndex(accountId), originalIndex));
            }
        }
        // Booking goes on identically after the restore.
        Booking next = new Booking("ACC-2", "carry", ES, -2, 502_000, Currency.USD, 250, 2);
        next.applyTo(original);
        next.applyTo(restored);
        assertThat(restored.stateHash()).isEqualTo(original.stateHash());
    }

    @Test
    void writingIntoTooSmallABufferWritesNothing() {
        Portfolio portfolio = booked();
        ByteBuffer buffer = ByteBuffer.allocate(portfolio.snapshotSize() - 1);
        assertThatThrownBy(() -> portfolio.writeSnapshot(buffer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs " + portfolio.snapshotSize());
        assertThat(buffer.position()).isZero();
    }

    @Test
    void aDamagedSnapshotIsRefusedNamingWhereItIsDamaged() {
        byte[] snapshot = snapshotBytes(booked());

        assertRefused(withInt(snapshot, 0, 0xCAFEBABE), "magic = 0xcafebabe: not a portfolio snapshot");
        assertRefused(withShort(snapshot, 4, (short) 2), "version = 2: unsupported");
        for (int length = 0; length < snapshot.length; length++) {
            byte[] truncated = Arrays.copyOf(snapshot, length);
            assertThatThrownBy(() -> newPortfolio(INSTRUMENTS, List.of()).readSnapshot(ByteBuffer.wrap(truncated)))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("portfolio snapshot: ");
        }
        byte[] flipped = snapshot.clone();
        flipped[snapshot.length - 40] ^= 1; // inside the last balance's mantissa
        assertRefused(flipped, "stateHash: does not match");
        assertRefused(withInt(snapshot, 6, -1), "accountCount = -1");
    }

    @Test
    void structurallyInvalidContentIsRefusedEvenWithAMatchingHash() {
        List<PortfolioSnapshotCodec.AccountRow> accounts = List.of(
                new PortfolioSnapshotCodec.AccountRow("ACC-1", Currency.USD));
        PortfolioSnapshotCodec.PositionRow flatWithCost = new PortfolioSnapshotCodec.PositionRow("ACC-1", "trend",
                "AAPL@XNAS", 0, 5, 0, 4, 0);
        assertRefused(encode(accounts, List.of(flatWithCost), List.of()),
                "positions[0].openPriceQuantity = 5: must be 0 for a flat position");

        PortfolioSnapshotCodec.PositionRow open = new PortfolioSnapshotCodec.PositionRow("ACC-1", "trend",
                "AAPL@XNAS", 10, 1_000_000, 0, 4, 0);
        assertRefused(encode(accounts, List.of(open, open), List.of()),
                "positions[1] = ACC-1/trend/AAPL@XNAS: not after the previous position");
        assertRefused(encode(accounts, List.of(new PortfolioSnapshotCodec.PositionRow("ACC-9", "trend",
                "AAPL@XNAS", 10, 1_000_000, 0, 4, 0)), List.of()),
                "positions[0].accountId = 'ACC-9': not among the snapshot's accounts");
        assertRefused(encode(accounts, List.of(new PortfolioSnapshotCodec.PositionRow("ACC-1", "trend",
                "NOPE@XNAS", 10, 1_000_000, 0, 4, 0)), List.of()),
                "positions[0].instrumentId = 'NOPE@XNAS': not registered");
        assertRefused(encode(accounts, List.of(new PortfolioSnapshotCodec.PositionRow("ACC-1", "trend",
                "AAPL@XNAS", 10, -1, 0, 4, 0)), List.of()),
                "positions[0].openPriceQuantity = -1: must be positive");
        assertRefused(encode(accounts, List.of(), List.of(
                new PortfolioSnapshotCodec.CashRow("ACC-1", Currency.USD, 1, 19))),
                "cash[0].scale = 19: must be between 0 and 18");
        assertRefused(encode(List.of(new PortfolioSnapshotCodec.AccountRow("ACC-1", Currency.EUR)), List.of(),
                List.of()), "account 'ACC-1' has base currency EUR but is registered with USD");
    }

    @Test
    void restoringIntoAPortfolioThatHasBookedIsRefused() {
        byte[] snapshot = snapshotBytes(booked());
        Portfolio busy = booked();
        assertThatThrownBy(() -> busy.readSnapshot(ByteBuffer.wrap(snapshot)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("restore into an empty one");
    }

    private static Portfolio booked() {
        Portfolio portfolio = newPortfolio(INSTRUMENTS, List.of("ACC-1", "ACC-2"));
        BOOKINGS.forEach(booking -> booking.applyTo(portfolio));
        return portfolio;
    }

    private static Portfolio newPortfolio(List<Instrument> instruments, List<String> accounts) {
        Portfolio portfolio = new Portfolio();
        instruments.forEach(portfolio::registerInstrument);
        accounts.forEach(account -> portfolio.registerAccount(account, account.equals("ACC-1") ? Currency.USD
                : Currency.GBP));
        return portfolio;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static byte[] snapshotBytes(Portfolio portfolio) {
        ByteBuffer buffer = ByteBuffer.allocate(portfolio.snapshotSize());
        portfolio.writeSnapshot(buffer);
        return buffer.array();
    }

    private static byte[] encode(List<PortfolioSnapshotCodec.AccountRow> accounts,
            List<PortfolioSnapshotCodec.PositionRow> positions, List<PortfolioSnapshotCodec.CashRow> cash) {
        ByteBuffer buffer = ByteBuffer.allocate(PortfolioSnapshotCodec.size(accounts, positions, cash));
        PortfolioSnapshotCodec.write(buffer, accounts, positions, cash);
        return buffer.array();
    }

    private static void assertRefused(byte[] snapshot, String message) {
        Portfolio target = newPortfolio(INSTRUMENTS, List.of("ACC-1"));
        byte[] hashBefore = target.stateHash();
        assertThatThrownBy(() -> target.readSnapshot(ByteBuffer.wrap(snapshot)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
        assertThat(target.stateHash()).isEqualTo(hashBefore);
        assertThat(target.strategyIndex("trend")).isEqualTo(-1);
    }

    private static byte[] withInt(byte[] snapshot, int offset, int value) {
        byte[] copy = snapshot.clone();
        ByteBuffer.wrap(copy).putInt(offset, value);
        return copy;
    }

    private static byte[] withShort(byte[] snapshot, int offset, short value) {
        byte[] copy = snapshot.clone();
        ByteBuffer.wrap(copy).putShort(offset, value);
        return copy;
    }
}
