package io.alphintra.simexchange.internal.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;

/** The journal's file format on its own: what is written reads back equal, and damage is contained. */
class VenueJournalTest {

    @TempDir
    Path dir;

    private static ExecutionReport fill(String execId, String text) {
        return ExecutionReport.builder().clientOrderId(ClientOrderId.of("B-1")).venueOrderId("SIMX-7").execId(execId)
                .instrumentId(InstrumentId.of("BTC-USD", "SIMX")).side(Side.BUY).execType(ExecType.TRADE)
                .status(OrderStatus.PARTIALLY_FILLED).orderQuantity(300_000_000L).lastQuantity(100_000_000L)
                .lastPrice(6_512_345).cumQuantity(100_000_000L).leavesQuantity(200_000_000L)
                .cumPriceQuantity(651_234_500_000_000L).liquidity(Liquidity.TAKER)
                .fee(Money.of(Currency.USD, 1_953_704, 10)).text(text).transactTimeNanos(1_767_625_200_000_000_123L)
                .receiveTimeNanos(1_767_625_200_000_000_456L).build();
    }

    private static ExecutionReport rejection() {
        return ExecutionReport.builder().clientOrderId(ClientOrderId.of("R-1")).originalClientOrderId(null)
                .execId("SIMX-E1-9").instrumentId(InstrumentId.of("ETH-USD", "SIMX")).side(Side.SELL_SHORT)
                .execType(ExecType.REJECTED).status(OrderStatus.REJECTED).orderQuantity(5)
                .rejectReason(RejectReason.VENUE_CLOSED).text("ETH-USD@SIMX is halted: news").transactTimeNanos(5)
                .receiveTimeNanos(5).build();
    }

    private VenueJournal.State reopen() throws IOException {
        VenueJournal journal = VenueJournal.open(dir, false, "SIMX");
        VenueJournal.State state = journal.takeRestored();
        journal.close();
        return state;
    }

    @Test
    void readsBackEveryFieldOfAReportExactly() throws IOException {
        // Non-ASCII text: two-byte, three-byte and four-byte (surrogate pair) UTF-8.
        ExecutionReport fill = fill("SIMX-E3-41", "Teilausführung – 部分約定 \uD83D\uDCC8");
        VenueJournal journal = VenueJournal.open(dir, true, "SIMX");
        assertThat(journal.takeRestored().reports()).isEmpty();
        journal.report(fill);
        journal.report(rejection());
        journal.halt("ETH-USD", "news");
        journal.generation(3, 8, 9);
        journal.commit();
        journal.close();

        VenueJournal.State state = reopen();
        assertThat(state.reports()).containsExactly(fill, rejection());
        assertThat(state.halts()).isEqualTo(Map.of("ETH-USD", "news"));
        assertThat(state.generation()).isEqualTo(3);
        assertThat(state.nextOrderId()).isEqualTo(8);
        assertThat(state.lastTimeNanos()).isEqualTo(fill.transactTimeNanos());
    }

    @Test
    void skipsAWholeRecordItCannotUnderstandAndReadsOn() throws IOException {
        VenueJournal journal = VenueJournal.open(dir, false, "SIMX");
        journal.report(fill("SIMX-E1-1", null));
        journal.commit();
        journal.close();
        // A record of a type this version does not know, framed and checksummed correctly.
        byte[] payload = {99, 1, 2, 3};
        CRC32C crc = new CRC32C();
        crc.update(payload);
        try (FileChannel out = FileChannel.open(dir.resolve(VenueJournal.FILE_NAME), StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.allocate(8 + payload.length).putInt(payload.length).putInt((int) crc.getValue())
                    .put(payload).flip());
        }
        journal = VenueJournal.open(dir, false, "SIMX");
        journal.report(fill("SIMX-E2-1", null));
        journal.commit();
        journal.close();

        assertThat(reopen().reports()).extracting(ExecutionReport::execId).containsExactly("SIMX-E1-1", "SIMX-E2-1");
    }

    @Test
    void movesAsideAFileThatIsNotAJournal() throws IOException {
        Files.writeString(dir.resolve(VenueJournal.FILE_NAME), "orders: none, just a note someone left here\n");
        assertThat(reopen().orders()).isEmpty();

        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(path -> path.getFileName().toString()).sorted().toList();
        }
        assertThat(names).hasSize(2).first().isEqualTo(VenueJournal.FILE_NAME);
        assertThat(names.get(1)).startsWith(VenueJournal.FILE_NAME + ".unreadable-");
        assertThat(Files.readString(dir.resolve(names.get(1)))).startsWith("orders: none");
    }

    @Test
    void startsAgainFromATornHeader() throws IOException {
        Files.write(dir.resolve(VenueJournal.FILE_NAME), new byte[] {0x41, 0x53});
        assertThat(reopen().reports()).isEmpty();
        assertThat(Files.size(dir.resolve(VenueJournal.FILE_NAME))).as("a fresh header").isEqualTo(8);
    }
}
