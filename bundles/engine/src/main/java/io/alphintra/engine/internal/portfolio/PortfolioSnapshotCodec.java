package io.alphintra.engine.internal.portfolio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimals;

/**
 * The portfolio's binary snapshot format and its state hash. Both encode the books by the ids' text, never by
 * interned indices, so that they do not depend on registration order.
 *
 * <p>Snapshot, version 1, big-endian whatever the buffer's byte order:
 * <pre>
 * int    magic 0x41504F46 ("APOF")
 * short  version 1
 * int    accountCount,  then per account (sorted by id):       str accountId, str baseCurrency
 * int    positionCount, then per position (sorted by account, strategy, instrument text):
 *        str accountId, str strategyId, str instrumentId, long netQuantity, long openPriceQuantity,
 *        long realizedPnlMantissa, byte realizedPnlScale, long lastChangeNanos
 * int    cashCount,     then per balance (sorted by account, currency code):
 *        str accountId, str currency, long mantissa, byte scale
 * byte[32] state hash
 * </pre>
 * where {@code str} is an unsigned short length and that many US-ASCII bytes. Sorting makes the encoding of a
 * given state unique; the reader insists on it (strictly ascending, so also without duplicates).
 *
 * <p>The state hash is SHA-256 of the US-ASCII tag {@code alphintra.portfolio.state/1} followed by the position
 * and cash sections exactly as above (counts included). Accounts are configuration and are left out: two engines
 * with the same positions and cash have the same hash. Adding a field means a new version and a new tag.
 */
final class PortfolioSnapshotCodec {
    static final int MAGIC = 0x41504F46;
    static final short VERSION = 1;
    static final int HASH_LENGTH = 32;
    private static final byte[] HASH_TAG = "alphintra.portfolio.state/1".getBytes(StandardCharsets.US_ASCII);
    private static final int POSITION_FIXED_BYTES = 8 + 8 + 8 + 1 + 8;
    private static final int CASH_FIXED_BYTES = 8 + 1;

    record AccountRow(String accountId, Currency baseCurrency) {
        static final Comparator<AccountRow> ORDER = Comparator.comparing(AccountRow::accountId);
    }

    record PositionRow(String accountId, String strategyId, String instrumentId, long netQuantity,
            long openPriceQuantity, long realizedPnlMantissa, int realizedPnlScale, long lastChangeNanos) {
        static final Comparator<PositionRow> ORDER = Comparator.comparing(PositionRow::accountId)
                .thenComparing(PositionRow::strategyId).thenComparing(PositionRow::instrumentId);
    }

    record CashRow(String accountId, Currency currency, long mantissa, int scale) {
        static final Comparator<CashRow> ORDER = Comparator.comparing(CashRow::accountId)
                .thenComparing(row -> row.currency().code());
    }

    record Content(List<AccountRow> accounts, List<PositionRow> positions, List<CashRow> cash) {
    }

    private PortfolioSnapshotCodec() {
    }

    static byte[] stateHash(List<PositionRow> positions, List<CashRow> cash) {
        ByteBuffer encoded = ByteBuffer.allocate(positionsSize(positions) + cashSize(cash));
        writePositions(encoded, positions);
        writeCash(encoded, cash);
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        sha256.update(HASH_TAG);
        sha256.update(encoded.array(), 0, encoded.position());
        return sha256.digest();
    }

    static int size(List<AccountRow> accounts, List<PositionRow> positions, List<CashRow> cash) {
        int size = 4 + 2 + 4;
        for (AccountRow account : accounts) {
            size += stringSize(account.accountId()) + stringSize(account.baseCurrency().code());
        }
        return size + positionsSize(positions) + cashSize(cash) + HASH_LENGTH;
    }

    static void write(ByteBuffer buffer, List<AccountRow> accounts, List<PositionRow> positions, List<CashRow> cash) {
        int size = size(accounts, positions, cash);
        if (buffer.remaining() < size) {
            throw new IllegalArgumentException("buffer: " + buffer.remaining() + " bytes remaining, the portfolio"
                    + " snapshot needs " + size);
        }
        byte[] hash = stateHash(positions, cash);
        ByteOrder callerOrder = buffer.order();
        buffer.order(ByteOrder.BIG_ENDIAN);
        try {
            buffer.putInt(MAGIC);
            buffer.putShort(VERSION);
            buffer.putInt(accounts.size());
            for (AccountRow account : accounts) {
                putString(buffer, account.accountId());
                putString(buffer, account.baseCurrency().code());
            }
            writePositions(buffer, positions);
            writeCash(buffer, cash);
            buffer.put(hash);
        } finally {
            buffer.order(callerOrder);
        }
    }

    /**
     * Reads and validates a snapshot; the buffer is left after it. Checks the format, the value ranges, canonical
     * order, that every account referred to is listed, and the hash.
     */
    static Content read(ByteBuffer buffer) {
        ByteOrder callerOrder = buffer.order();
        buffer.order(ByteOrder.BIG_ENDIAN);
        try {
            Reader in = new Reader(buffer);
            int magic = in.readInt("magic");
            if (magic != MAGIC) {
                throw in.invalid("magic", "0x" + Integer.toHexString(magic), "not a portfolio snapshot (expected 0x"
                        + Integer.toHexString(MAGIC) + ")");
            }
            short version = in.readShort("version");
            if (version != VERSION) {
                throw in.invalid("version", Short.toString(version), "unsupported (this engine reads version "
                        + VERSION + ")");
            }
            List<AccountRow> accounts = readAccounts(in);
            Set<String> accountIds = new HashSet<>();
            accounts.forEach(account -> accountIds.add(account.accountId()));
            List<PositionRow> positions = readPositions(in, accountIds);
            List<CashRow> cash = readCash(in, accountIds);
            byte[] hash = in.readBytes("stateHash", HASH_LENGTH);
            if (!Arrays.equals(hash, stateHash(positions, cash))) {
                throw in.invalid("stateHash", "", "does not match the positions and balances (damaged snapshot)");
            }
            return new Content(accounts, positions, cash);
        } finally {
            buffer.order(callerOrder);
        }
    }

    private static List<AccountRow> readAccounts(Reader in) {
        int count = in.readCount("accountCount", 4);
        List<AccountRow> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String field = "accounts[" + i + "]";
            String accountId = in.readId(field + ".accountId");
            Currency baseCurrency = in.readCurrency(field + ".baseCurrency");
            AccountRow row = new AccountRow(accountId, baseCurrency);
            if (i > 0 && AccountRow.ORDER.compare(accounts.get(i - 1), row) >= 0) {
                throw in.invalid(field + ".accountId", accountId, "not after the previous account (duplicate or"
                        + " not in canonical order)");
            }
            accounts.add(row);
        }
        return accounts;
    }

    private static List<PositionRow> readPositions(Reader in, Set<String> accountIds) {
        int count = in.readCount("positionCount", 3 * 3 + POSITION_FIXED_BYTES);
        List<PositionRow> positions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String field = "positions[" + i + "]";
            String accountId = in.readAccountId(field + ".accountId", accountIds);
            String strategyId = in.readId(field + ".strategyId");
            String instrumentId = in.readString(field + ".instrumentId");
            try {
                InstrumentId.parse(instrumentId);
            } catch (IllegalArgumentException e) {
                throw in.invalid(field + ".instrumentId", "'" + instrumentId + "'", e.getMessage());
            }
            long netQuantity = in.readLong(field + ".netQuantity");
            if (netQuantity == Long.MIN_VALUE) {
                throw in.invalid(field + ".netQuantity", Long.toString(netQuantity), "out of range");
            }
            long openPriceQuantity = in.readLong(field + ".openPriceQuantity");
            if (netQuantity == 0 && openPriceQuantity != 0) {
                throw in.invalid(field + ".openPriceQuantity", Long.toString(openPriceQuantity),
                        "must be 0 for a flat position");
            }
            long realizedPnlMantissa = in.readLong(field + ".realizedPnlMantissa");
            int realizedPnlScale = in.readScale(field + ".realizedPnlScale");
            long lastChangeNanos = in.readLong(field + ".lastChangeNanos");
            PositionRow row = new PositionRow(accountId, strategyId, instrumentId, netQuantity, openPriceQuantity,
                    realizedPnlMantissa, realizedPnlScale, lastChangeNanos);
            if (i > 0 && PositionRow.ORDER.compare(positions.get(i - 1), row) >= 0) {
                throw in.invalid(field, accountId + "/" + strategyId + "/" + instrumentId,
                        "not after the previous position (duplicate or not in canonical order)");
            }
            positions.add(row);
        }
        return positions;
    }

    private static List<CashRow> readCash(Reader in, Set<String> accountIds) {
        int count = in.readCount("cashCount", 2 * 3 + CASH_FIXED_BYTES);
        List<CashRow> cash = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String field = "cash[" + i + "]";
            String accountId = in.readAccountId(field + ".accountId", accountIds);
            Currency currency = in.readCurrency(field + ".currency");
            long mantissa = in.readLong(field + ".mantissa");
            int scale = in.readScale(field + ".scale");
            CashRow row = new CashRow(accountId, currency, mantissa, scale);
            if (i > 0 && CashRow.ORDER.compare(cash.get(i - 1), row) >= 0) {
                throw in.invalid(field, accountId + "/" + currency, "not after the previous balance (duplicate or"
                        + " not in canonical order)");
            }
            cash.add(row);
        }
        return cash;
    }

    private static int positionsSize(List<PositionRow> positions) {
        int size = 4;
        for (PositionRow row : positions) {
            size += stringSize(row.accountId()) + stringSize(row.strategyId()) + stringSize(row.instrumentId())
                    + POSITION_FIXED_BYTES;
        }
        return size;
    }

    private static int cashSize(List<CashRow> cash) {
        int size = 4;
        for (CashRow row : cash) {
            size += stringSize(row.accountId()) + stringSize(row.currency().code()) + CASH_FIXED_BYTES;
        }
        return size;
    }

    private static void writePositions(ByteBuffer buffer, List<PositionRow> positions) {
        buffer.putInt(positions.size());
        for (PositionRow row : positions) {
            putString(buffer, row.accountId());
            putString(buffer, row.strategyId());
            putString(buffer, row.instrumentId());
            buffer.putLong(row.netQuantity());
            buffer.putLong(row.openPriceQuantity());
            buffer.putLong(row.realizedPnlMantissa());
            buffer.put((byte) row.realizedPnlScale());
            buffer.putLong(row.lastChangeNanos());
        }
    }

    private static void writeCash(ByteBuffer buffer, List<CashRow> cash) {
        buffer.putInt(cash.size());
        for (CashRow row : cash) {
            putString(buffer, row.accountId());
            putString(buffer, row.currency().code());
            buffer.putLong(row.mantissa());
            buffer.put((byte) row.scale());
        }
    }

    private static int stringSize(String value) {
        return 2 + value.length();
    }

    /** Ids are printable ASCII (checked at registration), so one byte per character. */
    private static void putString(ByteBuffer buffer, String value) {
        buffer.putShort((short) value.length());
        for (int i = 0; i < value.length(); i++) {
            buffer.put((byte) value.charAt(i));
        }
    }

    /** Reads fields with bounds checks that name the field, so a damaged snapshot says where it is damaged. */
    private static final class Reader {
        private final ByteBuffer buffer;

        Reader(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        int readInt(String field) {
            require(field, 4);
            return buffer.getInt();
        }

        short readShort(String field) {
            require(field, 2);
            return buffer.getShort();
        }

        long readLong(String field) {
            require(field, 8);
            return buffer.getLong();
        }

        byte[] readBytes(String field, int length) {
            require(field, length);
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            return bytes;
        }

        /** A count that cannot be negative nor exceed what the remaining bytes could hold at its smallest row. */
        int readCount(String field, int minimumRowBytes) {
            int count = readInt(field);
            if (count < 0 || (long) count * minimumRowBytes > buffer.remaining()) {
                throw invalid(field, Integer.toString(count), "negative or more rows than the " + buffer.remaining()
                        + " remaining bytes can hold");
            }
            return count;
        }

        int readScale(String field) {
            require(field, 1);
            int scale = buffer.get();
            if (scale < 0 || scale > Decimals.MAX_SCALE) {
                throw invalid(field, Integer.toString(scale), "must be between 0 and " + Decimals.MAX_SCALE);
            }
            return scale;
        }

        String readString(String field) {
            require(field + " length", 2);
            int length = Short.toUnsignedInt(buffer.getShort());
            require(field, length);
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            return new String(bytes, StandardCharsets.US_ASCII);
        }

        String readId(String field) {
            String value = readString(field);
            try {
                Portfolio.requireId(field, value);
            } catch (IllegalArgumentException e) {
                throw invalid(field, "'" + value + "'", "must be 1 to 64 printable ASCII characters without spaces");
            }
            return value;
        }

        String readAccountId(String field, Set<String> accountIds) {
            String accountId = readId(field);
            if (!accountIds.contains(accountId)) {
                throw invalid(field, "'" + accountId + "'", "not among the snapshot's accounts");
            }
            return accountId;
        }

        Currency readCurrency(String field) {
            String code = readString(field);
            try {
                return Currency.of(code);
            } catch (IllegalArgumentException e) {
                throw invalid(field, "'" + code + "'", e.getMessage());
            }
        }

        private void require(String field, int bytes) {
            if (buffer.remaining() < bytes) {
                throw new IllegalArgumentException("portfolio snapshot: truncated at " + field + " (needs " + bytes
                        + " bytes, " + buffer.remaining() + " remain)");
            }
        }

        IllegalArgumentException invalid(String field, String value, String problem) {
            return new IllegalArgumentException("portfolio snapshot: " + field + (value.isEmpty() ? "" : " = " + value)
                    + ": " + problem);
        }
    }
}
