package io.alphintra.engine.internal.journal;

import static io.alphintra.engine.internal.journal.JournalFiles.flipByte;
import static io.alphintra.engine.internal.journal.JournalFiles.overwrite;
import static io.alphintra.engine.internal.journal.JournalFiles.payloads;
import static io.alphintra.engine.internal.journal.JournalFiles.text;
import static io.alphintra.engine.internal.journal.JournalFiles.truncate;
import static io.alphintra.engine.internal.journal.JournalFiles.zero;
import static io.alphintra.engine.internal.journal.JournalFormat.BLOCK_HEADER_LENGTH;
import static io.alphintra.engine.internal.journal.JournalFormat.RECORD_HEADER_LENGTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damage to the last segment of a journal of three commits of two records each: a write cut short by a crash is
 * dropped, and every record before it is replayed; damage to data that was written completely refuses the open and
 * leaves the file as it was.
 */
class JournalDamageTest {
    private static final List<String> RECORDS = List.of("order 1", "fill of order 1", "order 2 for AAPL",
            "fill 2", "order 3", "the last record of the last commit");

    @TempDir
    Path directory;

    /** ends[0]: the segment header's end; ends[k]: the end of commit k, where commit k + 1 starts. */
    private final long[] ends = new long[4];
    private Path segment;

    @BeforeEach
    void threeCommitsOfTwoRecords() throws IOException {
        try (Journal journal = open()) {
            segment = JournalFiles.lastSegment(directory);
            ends[0] = Files.size(segment);
            for (int commit = 1; commit <= 3; commit++) {
                journal.append(1, commit, text(RECORDS.get(2 * commit - 2)));
                journal.append(2, commit, text(RECORDS.get(2 * commit - 1)));
                journal.commit();
                ends[commit] = Files.size(segment);
            }
        }
    }

    @ParameterizedTest(name = "file cut {0} bytes into the last commit")
    @ValueSource(ints = {1, 3, 10, 23, 24, 26, 40, 60})
    void aFileEndingInsideTheLastCommitIsATornWriteAndIsDropped(int cut) throws IOException {
        truncate(segment, ends[2] + cut); // 1-23: in its header (10: its length field); 26: its first record's length
        assertOnlyTheFirstTwoCommitsRemainAndAppendingContinues();
    }

    @Test
    void aFileEndingOneByteShortOfTheLastCommitIsATornWrite() throws IOException {
        truncate(segment, ends[3] - 1);
        assertOnlyTheFirstTwoCommitsRemainAndAppendingContinues();
    }

    @Test
    void zerosAfterTheLastCommitArePreallocatedSpaceAndAreDropped() throws IOException {
        zero(segment, ends[3], ends[3] + 4096);
        try (Journal journal = open()) {
            assertThat(payloads(journal)).isEqualTo(RECORDS);
            assertThat(Files.size(segment)).isEqualTo(ends[3]);
        }
    }

    @Test
    void aLastCommitThatNeverReachedTheDiskReadsAsZerosAndIsDropped() throws IOException {
        zero(segment, ends[2], ends[3]); // the file's length was written, its data never was
        assertOnlyTheFirstTwoCommitsRemainAndAppendingContinues();
    }

    @Test
    void aLastCommitWhoseSecondRecordNeverReachedTheDiskIsDroppedWhole() throws IOException {
        zero(segment, secondRecordOfCommit(3), ends[3]);
        assertOnlyTheFirstTwoCommitsRemainAndAppendingContinues();
    }

    @Test
    void aCommitWrittenButNotYetForcedWhenTheProcessDiedIsKept() throws IOException {
        Journal dying = Journal.open(directory, 64 * 1024, 8 * 1024, Durability.WRITE); // never closed: killed
        dying.append(1, 4L, text("written, fdatasync never ran"));
        dying.commit();
        try (Journal journal = open()) {
            assertThat(payloads(journal)).hasSize(7).endsWith("written, fdatasync never ran");
        }
    }

    @Test
    void aBitFlipInTheMiddleOfTheLastSegmentFollowedByCommitsRefusesToOpen() throws IOException {
        long record = ends[1] + BLOCK_HEADER_LENGTH;
        flipByte(segment, record + RECORD_HEADER_LENGTH + 2);
        assertRefusedUnchanged()
                .hasMessageContaining(segment.toString())
                .hasMessageContaining("offset " + record)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("Acknowledged records follow");
    }

    @Test
    void aBitFlipInTheLastRecordOfTheLastCommitIsDamageNotATornWrite() throws IOException {
        long record = secondRecordOfCommit(3);
        flipByte(segment, record + RECORD_HEADER_LENGTH + 1);
        assertRefusedUnchanged()
                .hasMessageContaining("offset " + record + ": checksum mismatch")
                .hasMessageContaining("sequences 5 to 6")
                .hasMessageContaining("written completely, so it was acknowledged")
                .hasMessageContaining("truncate -s " + ends[2] + " " + segment);

        truncate(segment, ends[2]); // what the message offers where the commit was never acknowledged
        assertOnlyTheFirstTwoCommitsRemainAndAppendingContinues();
    }

    @Test
    void aBitFlipInTheLastRecordsTimestampIsDamageToo() throws IOException {
        flipByte(segment, secondRecordOfCommit(3) + 16);
        assertRefusedUnchanged().hasMessageContaining("checksum mismatch");
    }

    @Test
    void aDamagedLengthInTheLastCommitsHeaderRefusesToOpen() throws IOException {
        flipByte(segment, ends[2] + 8);
        assertRefusedUnchanged().hasMessageContaining("offset " + ends[2] + ": commit header checksum mismatch");
    }

    @Test
    void aZeroGapFollowedByACommitRefusesToOpen() throws IOException {
        zero(segment, ends[1], ends[2]);
        assertRefusedUnchanged().hasMessageContaining("offset " + ends[1] + ": no commit header (found 0x00000000)");
    }

    @Test
    void zerosInsideTheLastCommitFollowedByItsOwnDataRefuseToOpen() throws IOException {
        zero(segment, ends[2] + BLOCK_HEADER_LENGTH, secondRecordOfCommit(3));
        assertRefusedUnchanged().hasMessageContaining("offset " + (ends[2] + BLOCK_HEADER_LENGTH));
    }

    @ParameterizedTest(name = "{0} bytes of garbage")
    @ValueSource(ints = {10, 64})
    void bytesAfterTheLastCommitThatNoWriteOfTheJournalStartsWithRefuseToOpen(int length) throws IOException {
        byte[] garbage = new byte[length];
        Arrays.fill(garbage, (byte) 0x7F);
        overwrite(segment, ends[3], garbage);
        assertRefusedUnchanged().hasMessageContaining("offset " + ends[3]);
    }

    @Test
    void damageInAnEarlierSegmentRefusesToOpenAndNamesTheFile() throws IOException {
        try (Journal journal = open()) {
            for (int i = 0; i < 100; i++) {
                journal.append(1, i, text("y".repeat(1000)));
                journal.commit();
            }
        }
        assertThat(JournalFiles.segments(directory)).hasSizeGreaterThan(1);
        long firstRecord = ends[0] + BLOCK_HEADER_LENGTH;
        flipByte(segment, firstRecord + RECORD_HEADER_LENGTH + 3);
        assertThatThrownBy(this::open)
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining(segment.toString())
                .hasMessageContaining("offset " + firstRecord + ": checksum mismatch");
    }

    @ParameterizedTest(name = "{0} bytes of its header written")
    @ValueSource(ints = {0, 10})
    void aSegmentWhoseCreationACrashInterruptedIsCompleted(int written) throws IOException {
        Path next = directory.resolve(String.format("segment-%020d.journal", 7));
        Files.write(next, Arrays.copyOf(Files.readAllBytes(segment), written));
        try (Journal journal = open()) {
            assertThat(journal.lastSequence()).isEqualTo(6);
            assertThat(journal.append(1, 7L, text("after the crash"))).isEqualTo(7);
            journal.commit();
        }
        assertThat(JournalFiles.segments(directory)).containsExactly(segment, next);
        try (Journal journal = open()) {
            assertThat(payloads(journal)).hasSize(7).endsWith("after the crash");
        }
    }

    @Test
    void aDamagedSegmentHeaderRefusesToOpen() throws IOException {
        flipByte(segment, 17);
        assertRefusedUnchanged().hasMessageContaining("offset 0: segment header checksum mismatch");
    }

    @Test
    void aJournalWrittenBeforeFormatVersionsIsRefusedWithWhatToDo() throws IOException {
        Path old = Files.createDirectory(directory.resolve("old"));
        Files.write(old.resolve(String.format("segment-%020d.journal", 1)), format0Record(1, "order 1"));
        assertThatThrownBy(() -> Journal.open(old, 64 * 1024, 8 * 1024, Durability.FSYNC))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("journal format 0")
                .hasMessageContaining("move the directory " + old + " aside");
    }

    @Test
    void aJournalOfANewerFormatIsRefused() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(JournalFormat.SEGMENT_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        JournalFormat.putSegmentHeader(header, 1, new CRC32C());
        header.putInt(8, JournalFormat.VERSION + 1);
        header.putInt(4, JournalFormat.checksum(header, 8, JournalFormat.SEGMENT_HEADER_LENGTH, new CRC32C()));
        overwrite(segment, 0, header.array());
        assertRefusedUnchanged()
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("journal format " + (JournalFormat.VERSION + 1));
    }

    private void assertOnlyTheFirstTwoCommitsRemainAndAppendingContinues() throws IOException {
        try (Journal journal = open()) {
            assertThat(journal.lastSequence()).isEqualTo(4);
            assertThat(payloads(journal)).isEqualTo(RECORDS.subList(0, 4));
            assertThat(Files.size(segment)).isEqualTo(ends[2]);
            assertThat(journal.append(1, 9L, text("after the crash"))).isEqualTo(5);
            journal.commit();
        }
        try (Journal journal = open()) {
            assertThat(payloads(journal)).hasSize(5).endsWith("after the crash");
        }
    }

    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefusedUnchanged()
            throws IOException {
        byte[] before = Files.readAllBytes(segment);
        org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> refusal =
                assertThatThrownBy(this::open).isInstanceOf(IOException.class);
        assertThat(Files.readAllBytes(segment)).as("the damaged segment is left as it was").isEqualTo(before);
        return refusal;
    }

    private long secondRecordOfCommit(int commit) {
        int firstPayload = text(RECORDS.get(2 * commit - 2)).remaining();
        return ends[commit - 1] + BLOCK_HEADER_LENGTH + JournalFormat.align(RECORD_HEADER_LENGTH + firstPayload);
    }

    /** A record as format 0 wrote it, at the start of a segment without headers. */
    private static byte[] format0Record(long sequence, String payload) {
        ByteBuffer bytes = text(payload);
        int frameLength = JournalFormat.align(RECORD_HEADER_LENGTH + bytes.remaining());
        ByteBuffer frame = ByteBuffer.allocate(frameLength).order(ByteOrder.LITTLE_ENDIAN);
        frame.putInt(0, frameLength).putLong(8, sequence).putLong(16, 1L).putInt(24, 1)
                .putInt(28, bytes.remaining()).put(RECORD_HEADER_LENGTH, bytes, 0, bytes.remaining());
        frame.putInt(4, JournalFormat.checksum(frame, 8, frameLength, new CRC32C()));
        return frame.array();
    }

    private Journal open() throws IOException {
        return Journal.open(directory, 64 * 1024, 8 * 1024, Durability.FSYNC);
    }
}
