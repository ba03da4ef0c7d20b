package io.alphintra.simexchange.internal.venue;

import io.alphintra.collections.OpenAddressingMap;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.instrument.TradingSession;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.BookSide;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.venue.InstrumentStatus;
import io.alphintra.sdk.venue.VenueListener;
import io.alphintra.simexchange.internal.matching.CancelReason;
import io.alphintra.simexchange.internal.matching.DepthSnapshot;
import io.alphintra.simexchange.internal.matching.MatchingListener;
import io.alphintra.simexchange.internal.matching.OrderBook;
import io.alphintra.simexchange.internal.matching.OrderType;
import io.alphintra.simexchange.internal.matching.SelfTradePrevention;
import io.alphintra.simexchange.internal.matching.Side;
import io.alphintra.simexchange.internal.matching.TimeInForce;
import io.alphintra.simexchange.internal.twin.InstrumentSpec;
import io.alphintra.simexchange.internal.twin.MarketTwin;
import io.alphintra.simexchange.internal.twin.ReplayData;
import io.alphintra.simexchange.internal.twin.TwinGateway;

/**
 * Everything one venue is, as a single-threaded state machine in venue time: the books, the host's orders and
 * their reports, market data, sessions, acknowledgement latency and the market twin. {@link VenueRunner} drives it
 * from the venue thread; tests drive it directly, which makes them deterministic.
 *
 * <p>Nothing here is thread-safe; every method must be called by the one thread that owns the core.
 */
final class VenueCore implements TwinGateway {
    private static final Logger LOG = LoggerFactory.getLogger(VenueCore.class);

    static final int TIMER_SESSION = 0;
    static final int TIMER_TWIN = 1;
    static final int TIMER_REQUEST = 2;
    static final int TIMER_RECONNECT = 3;
    static final int TIMER_RECORDED_PRINT = 4;

    /** Host accounts trade under owner ids from here up, one per account id, so that STP works per account. */
    static final long FIRST_ACCOUNT_OWNER = 1_000_000;
    /** Reports kept for a session that is down, delivered when it is back (as a FIX resend would). */
    static final int MAX_MISSED_REPORTS = 100_000;
    static final int MAX_HALT_REASON_LENGTH = 256;

    private enum Pending { NONE, SUBMIT, CANCEL, REPLACE, RESTORE }

    private final VenueSettings settings;
    private final String venueId;
    private final SessionSchedule schedule;
    private final Book[] books;
    private final Map<InstrumentId, Book> booksById = new HashMap<>();
    private final LongMap<HostOrder> hostOrders;
    private final OpenAddressingMap<ClientOrderId, HostOrder> liveOrders;
    /** Ids used and orders finished in the trading day, within the window; live orders are found whatever their age. */
    private final RecentOrderIds recentIds;
    private final Map<String, Long> accountOwners = new HashMap<>();
    private final TimerQueue timers = new TimerQueue();
    private final MarketTwin twin;
    /** The recorded market of a venue that replays recorded trades, or null. */
    private RecordedMarket recorded;
    private final DepthSnapshot snapshot;
    private final MarketDataEvents.TradeEvent tradeEvent = new MarketDataEvents.TradeEvent();
    private final MarketDataEvents.TopOfBookEvent topEvent = new MarketDataEvents.TopOfBookEvent();
    private final MarketDataEvents.BookDeltaEvent deltaEvent = new MarketDataEvents.BookDeltaEvent();
    private final List<ExecutionReport> missedReports = new ArrayList<>();
    /** Fills and order outcomes for {@code executionsSince}, within the configured bounds. */
    private final ExecutionHistory history;
    /** The venue's state on disk, or null: kept in memory only, or the journal failed. */
    private VenueJournal journal;
    /** Why the venue cannot keep its orders across a restart (its journal failed), or null; new orders are refused. */
    private String journalProblem;
    /** This run's number: execution ids carry it, so that none repeats across restarts. */
    private long generation = 1;

    /**
     * The listener of the last {@link #connect}; kept after a logout, so that a request made while logged out
     * still gets its rejection ({@code VENUE_DISCONNECTED}), as the SDK's contract requires. Only
     * {@link #connected} says whether the session is up.
     */
    private VenueListener listener;
    private boolean connected;
    private long reconnectGeneration;
    private long now;
    private boolean open;
    private long nextOrderId = 1;
    private long nextExecId = 1;

    // The host command in progress, for the book's callbacks.
    private Pending pending = Pending.NONE;
    private HostOrder pendingOrder;
    private ClientOrderId pendingRequestId;
    private long pendingNewQuantity;

    VenueCore(VenueSettings settings, List<ReplayData> replays, long startNanos) {
        this.settings = settings;
        this.venueId = settings.venue().id();
        this.schedule = new SessionSchedule(settings.venue().calendar());
        this.now = startNanos;
        this.hostOrders = new LongMap<>(settings.expectedOrders());
        this.liveOrders = new OpenAddressingMap<>(settings.expectedOrders());
        this.recentIds = new RecentOrderIds(settings.finishedOrderWindow(), settings.expectedOrders());
        this.history = new ExecutionHistory(settings.state().historyNanos(), settings.state().historyMaxReports());
        List<InstrumentSpec> specs = settings.instruments();
        this.books = new Book[specs.size()];
        for (int i = 0; i < books.length; i++) {
            books[i] = new Book(i, specs.get(i));
            booksById.put(specs.get(i).instrument().id(), books[i]);
        }
        this.snapshot = new DepthSnapshot(settings.bookDepth());
        this.twin = settings.twin().enabled()
                ? new MarketTwin(settings.twin(), specs, replays, tradingSecondsPerYear(settings.venue().calendar()),
                        this)
                : null;
    }

    /**
     * A venue whose other order source is the {@link RecordedMarket} replaying {@code tapes} instead of the twin.
     *
     * @param tapes per instrument, its recorded trades or null
     */
    static VenueCore replaying(VenueSettings settings, List<ReplayData> tapes, long startNanos, int spreadTicks) {
        if (settings.twin().enabled()) {
            throw new IllegalArgumentException("twin.enabled: a venue replaying recorded trades runs no twin");
        }
        VenueCore core = new VenueCore(settings, tapes, startNanos);
        core.recorded = new RecordedMarket(core, settings.instruments(), tapes, spreadTicks);
        return core;
    }

    /**
     * Restores what the venue's journal kept (the host's working orders, the execution history, the halts), opens
     * the venue's first session state and starts the twin, whose opening quotes then trade with restored orders they
     * cross; call once, on the venue thread.
     */
    void start() {
        VenueJournal.State restored = openJournal();
        open = schedule.isOpen(now);
        scheduleSessionBoundary();
        if (restored != null) {
            restore(restored);
        }
        if (twin != null && open) {
            twin.onOpen(now);
        }
        if (recorded != null) {
            recorded.start();
        }
    }

    /** The venue is stopping or being replaced: lets go of its journal. Call on the venue thread, last. */
    void close() {
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }

    // ---- state across restarts ----------------------------------------------------------------------------------

    /**
     * Opens the journal and takes over its history, counters and clock; compacts it. Returns what it held, or null
     * for a venue without one (state in memory) or whose journal cannot be opened (then new orders are refused).
     */
    private VenueJournal.State openJournal() {
        Path directory = settings.state().directory();
        if (directory == null) {
            return null;
        }
        try {
            journal = VenueJournal.open(directory, settings.state().sync(), venueId);
        } catch (IOException | RuntimeException e) {
            journalFailed("opening " + directory.resolve(VenueJournal.FILE_NAME), e);
            return null;
        }
        VenueJournal.State state = journal.takeRestored();
        generation = state.generation() + 1;
        nextOrderId = Math.max(nextOrderId, state.nextOrderId());
        // Venue time never runs back: a manual or virtual clock goes on from where the last run stopped.
        now = Math.max(now, state.lastTimeNanos());
        for (ExecutionReport report : state.reports()) {
            history.add(report, now);
        }
        Map<String, String> halts = new LinkedHashMap<>();
        state.halts().forEach((symbol, reason) -> {
            if (booksById.containsKey(InstrumentId.of(symbol, venueId))) {
                halts.put(symbol, reason);
            }
        });
        try {
            journal.compact(generation, nextOrderId, now, List.of(), state.orders().values(), history.all(), halts);
        } catch (IOException e) {
            LOG.warn("Venue {}: could not compact the journal {} ({}); appending to it as it is", venueId,
                    journal.file(), e.toString());
            journal.generation(generation, nextOrderId, now);
            commitJournal();
        } catch (RuntimeException e) {
            journalFailed("compacting " + journal.file(), e);
        }
        return new VenueJournal.State(state.generation(), state.nextOrderId(), state.lastTimeNanos(),
                state.orders(), state.reports(), halts);
    }

    /**
     * Puts the journal's working orders back on the books with their ids, quantities and fills, in the order they
     * first arrived; none is acknowledged again. An order the configuration no longer allows (its instrument is not
     * listed, its price or quantity is off the grid or above the maximum) is canceled with a report saying why. DAY
     * orders expire if a trading day ended while the venue was down.
     */
    private void restore(VenueJournal.State state) {
        state.halts().forEach((symbol, reason) -> {
            Book book = booksById.get(InstrumentId.of(symbol, venueId));
            book.halted = true;
            book.haltReason = reason;
        });
        int restored = 0;
        for (VenueJournal.OrderRecord record : state.orders().values()) {
            try {
                if (restoreOrder(record)) {
                    restored++;
                }
            } catch (RuntimeException e) {
                // One order the venue cannot take back must not keep the venue, and the other orders, down.
                LOG.error("Venue {}: could not restore order {} from the journal: {}", venueId, record, e.toString(),
                        e);
            }
        }
        if (restored > 0 && dayEndedSince(state.lastTimeNanos())) {
            for (Book book : books) {
                book.book.endOfDay();
                book.flush();
            }
        }
        LOG.info("Venue {}: run {} restored {} of {} working orders, {} execution reports and {} halts from {}",
                venueId, generation, restored, state.orders().size(), history.size(), state.halts().size(),
                journal == null ? "its journal (since failed)" : journal.file());
    }

    private boolean restoreOrder(VenueJournal.OrderRecord record) {
        InstrumentId id = InstrumentId.of(record.symbol(), venueId);
        Book book = booksById.get(id);
        String problem;
        if (book == null) {
            problem = id + " is no longer listed on " + venueId;
        } else {
            problem = checkPrice(book, "limitPrice", record.limitPrice(), record.type().requiresLimitPrice());
            if (problem == null) {
                problem = checkPrice(book, "stopPrice", record.stopPrice(), record.type().requiresStopPrice());
            }
            if (problem == null) {
                problem = checkQuantity(book, "quantity", record.quantity());
            }
        }
        if (problem != null) {
            ExecutionReport report = ExecutionReport.builder().clientOrderId(record.clientOrderId())
                    .venueOrderId(record.venueOrderId()).execId(nextExecId()).instrumentId(id).side(record.side())
                    .execType(ExecType.CANCELED).status(OrderStatus.CANCELED).orderQuantity(record.quantity())
                    .cumQuantity(record.cumQuantity()).cumPriceQuantity(record.cumPriceQuantity())
                    .text("canceled when the venue restarted: " + problem).transactTimeNanos(now)
                    .receiveTimeNanos(now).build();
            if (journal != null) {
                journal.order(record, OrderStatus.CANCELED, now);
            }
            emit(null, report, false);
            LOG.warn("Venue {}: order {} ({}) canceled at restart: {}", venueId, record.venueOrderId(),
                    record.clientOrderId(), problem);
            return false;
        }
        HostOrder order = new HostOrder(record.bookOrderId(), record.venueOrderId(), book.instrument, book.index,
                record.clientOrderId(), record.side(), record.type(), record.timeInForce(), record.quantity(),
                record.limitPrice(), record.stopPrice(), record.accountId());
        order.cumQuantity = record.cumQuantity();
        order.cumPriceQuantity = record.cumPriceQuantity();
        order.status = record.status();
        hostOrders.put(order.bookOrderId, order);
        liveOrders.put(order.clientOrderId, order);
        pending = Pending.RESTORE;
        pendingOrder = order;
        try {
            book.book.submit(order.bookOrderId, ownerOf(order.accountId), side(order.side),
                    OrderType.valueOf(order.type.name()), TimeInForce.valueOf(order.timeInForce.name()),
                    order.limitPrice, order.stopPrice, order.quantity - order.cumQuantity,
                    settings.selfTradePrevention());
        } finally {
            pending = Pending.NONE;
            pendingOrder = null;
        }
        book.flush();
        return hostOrders.get(order.bookOrderId) == order;
    }

    /** Whether a trading day ended between venue time {@code since} and now. */
    private boolean dayEndedSince(long since) {
        for (long boundary = schedule.nextBoundary(since); boundary <= now; boundary = schedule.nextBoundary(
                boundary)) {
            if (schedule.dayEndsAt(boundary)) {
                return true;
            }
        }
        return false;
    }

    /** Rewrites the journal to what is live now (an end of a trading day): it holds about a day's records. */
    private void compactJournal() {
        if (journal == null) {
            return;
        }
        List<HostOrder> live = new ArrayList<>(liveOrders.size());
        liveOrders.copyValuesTo(live);
        live.sort(Comparator.comparingLong(order -> order.bookOrderId));
        history.forgetBefore(now);
        try {
            journal.compact(generation, nextOrderId, now, live, List.of(), history.all(), halts());
        } catch (IOException e) {
            LOG.warn("Venue {}: could not compact the journal {} ({}); appending to it as it is", venueId,
                    journal.file(), e.toString());
        } catch (RuntimeException e) {
            journalFailed("compacting " + journal.file(), e);
        }
    }

    private Map<String, String> halts() {
        Map<String, String> halts = new LinkedHashMap<>();
        for (Book book : books) {
            if (book.halted) {
                halts.put(book.instrument.id().symbol(), book.haltReason);
            }
        }
        return halts;
    }

    private void commitJournal() {
        try {
            journal.commit();
        } catch (IOException | RuntimeException e) {
            journalFailed("writing " + journal.file(), e);
        }
    }

    /** The journal cannot be trusted any more: stop writing it and refuse what would need it. */
    private void journalFailed(String what, Exception cause) {
        journalProblem = venueId + " cannot keep orders across a restart: " + what + " failed (" + cause + ")";
        LOG.error("Venue {}: {}. New orders and replaces are refused until the venue starts with a working journal"
                + " (or with state.enabled = false)", venueId, journalProblem, cause);
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }

    /** The execution history at or after venue time {@code sinceNanos}, in venue order. */
    List<ExecutionReport> executionsSince(long sinceNanos) {
        history.forgetBefore(now);
        return history.since(sinceNanos);
    }

    /** Whether every recorded print has been replayed; true for a venue that replays none. */
    boolean recordingFinished() {
        return recorded == null || recorded.finished();
    }

    long now() {
        return now;
    }

    boolean isOpenNow() {
        return open;
    }

    MarketTwin twin() {
        return twin;
    }

    /** The earliest timer, or {@code Long.MAX_VALUE}. */
    long nextDeadline() {
        return timers.peekDeadline();
    }

    /** Moves venue time forward to {@code target} (never back), firing every timer due on the way, in order. */
    void advanceTo(long target) {
        while (timers.peekDeadline() <= target) {
            timers.poll();
            now = Math.max(now, timers.deadline);
            fire(timers.kind, timers.arg, timers.payload);
        }
        now = Math.max(now, target);
    }

    /** Fires only the timers due at the earliest deadline (virtual clock: one instant at a time). */
    void advanceToNextDeadline() {
        long next = timers.peekDeadline();
        if (next != Long.MAX_VALUE) {
            advanceTo(next);
        }
    }

    private void fire(int kind, int arg, Object payload) {
        switch (kind) {
            case TIMER_SESSION -> onSessionBoundary();
            case TIMER_TWIN -> twin.onEvent(arg, now);
            case TIMER_REQUEST -> process(payload);
            case TIMER_RECORDED_PRINT -> recorded.onPrint(arg, now);
            case TIMER_RECONNECT -> {
                if (arg == (int) reconnectGeneration && !connected && listener != null) {
                    markConnected();
                }
            }
            default -> throw new IllegalStateException("unknown timer kind " + kind);
        }
    }

    // ---- session -----------------------------------------------------------------------------------------------

    private void scheduleSessionBoundary() {
        long next = schedule.nextBoundary(now);
        if (next != Long.MAX_VALUE) {
            timers.add(next, TIMER_SESSION, 0, null);
        }
    }

    private void onSessionBoundary() {
        boolean wasOpen = open;
        open = schedule.isOpen(now);
        if (open != wasOpen && connected) {
            for (Book book : books) {
                if (!book.halted) {
                    reportStatus(book, open ? InstrumentStatus.TRADING : InstrumentStatus.CLOSED,
                            open ? "session open" : "session closed");
                }
            }
        }
        if (schedule.dayEndsAt(now)) {
            for (Book book : books) {
                book.book.endOfDay();
                book.flush();
            }
            // Client order ids are unique per trading day here; live orders keep theirs (see claim).
            recentIds.clear();
            compactJournal();
            if (twin != null) {
                twin.onDayEnd(now);
            }
        }
        if (!wasOpen && open && twin != null) {
            twin.onOpen(now);
        }
        scheduleSessionBoundary();
    }

    static double tradingSecondsPerYear(TradingCalendar calendar) {
        if (calendar.alwaysOpen()) {
            return 365.25 * 86_400;
        }
        double weekly = 0;
        for (TradingSession session : calendar.sessions()) {
            Duration length = Duration.between(session.open(), session.close());
            weekly += session.crossesMidnight() ? length.plusDays(1).getSeconds() : length.getSeconds();
        }
        return weekly * 52;
    }

    // ---- session with the host ---------------------------------------------------------------------------------

    void connect(VenueListener newListener) {
        listener = newListener;
        if (!connected) {
            markConnected();
        }
    }

    private void markConnected() {
        connected = true;
        reconnectGeneration++;
        VenueListener target = listener;
        try {
            target.onConnected();
        } catch (RuntimeException e) {
            LOG.error("Venue {}: the host's onConnected failed", venueId, e);
        }
        for (Book book : books) {
            reportStatus(book, currentStatus(book), statusReason(book));
        }
        if (!missedReports.isEmpty()) {
            List<ExecutionReport> resend = new ArrayList<>(missedReports);
            missedReports.clear();
            for (ExecutionReport report : resend) {
                deliver(report);
            }
        }
    }

    /**
     * Host logout: the session ends and stays down until the next {@link #connect}. Orders stay on the book. The
     * listener is kept only to answer requests made while logged out (each is rejected with
     * {@code VENUE_DISCONNECTED}); nothing else reaches it until the next {@link #connect}.
     */
    void disconnect(String reason) {
        reconnectGeneration++;
        if (listener != null) {
            VenueListener target = listener;
            boolean wasConnected = connected;
            connected = false;
            clearSubscriptions();
            if (wasConnected) {
                notifyDisconnected(target, reason);
            }
        }
    }

    /** A lost session (tests, operators): down now, reconnected by the venue after the configured delay. */
    void dropSession(String reason) {
        if (!connected) {
            return;
        }
        connected = false;
        clearSubscriptions();
        notifyDisconnected(listener, reason);
        reconnectGeneration++;
        timers.add(now + settings.reconnectDelayNanos(), TIMER_RECONNECT, (int) reconnectGeneration, null);
    }

    boolean isConnected() {
        return connected;
    }

    private void notifyDisconnected(VenueListener target, String reason) {
        try {
            target.onDisconnected(reason);
        } catch (RuntimeException e) {
            LOG.error("Venue {}: the host's onDisconnected failed", venueId, e);
        }
    }

    private void clearSubscriptions() {
        for (Book book : books) {
            book.trades = false;
            book.tops = false;
            book.deltas = false;
        }
    }

    // ---- instrument status ---------------------------------------------------------------------------------------

    /**
     * Halts an instrument: new orders and replaces in it are refused ({@code VENUE_CLOSED}), its book stops trading
     * (the twin pauses; cancels still work), and the host hears {@code HALTED}. Halting a halted instrument again
     * changes the reason. Kept across restarts.
     *
     * @throws IllegalArgumentException when the venue does not list the instrument
     */
    void halt(InstrumentId id, String reason) {
        Book book = listedBook(id);
        requireHaltReason(id, reason);
        book.halted = true;
        book.haltReason = reason;
        if (journal != null) {
            journal.halt(id.symbol(), reason);
            commitJournal();
        }
        reportStatus(book, InstrumentStatus.HALTED, reason);
        LOG.info("Venue {}: {} halted: {}", venueId, id, reason);
    }

    /**
     * Ends a halt: the instrument trades again if the venue is in a session (the twin requotes it), and the host
     * hears {@code TRADING}, or {@code CLOSED} outside sessions. Resuming an instrument that is not halted does
     * nothing.
     *
     * @throws IllegalArgumentException when the venue does not list the instrument
     */
    void resume(InstrumentId id) {
        Book book = listedBook(id);
        if (!book.halted) {
            return;
        }
        book.halted = false;
        book.haltReason = null;
        if (journal != null) {
            journal.halt(id.symbol(), null);
            commitJournal();
        }
        reportStatus(book, currentStatus(book), open ? "halt lifted" : "halt lifted; outside trading sessions");
        if (twin != null && open) {
            twin.onResume(book.index, now);
        }
        LOG.info("Venue {}: {} resumed", venueId, id);
    }

    /** A halt's reason: it goes to the host and into the journal, so it is bounded. */
    static void requireHaltReason(InstrumentId id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: required for a halt of " + id);
        }
        if (reason.length() > MAX_HALT_REASON_LENGTH) {
            throw new IllegalArgumentException("reason of a halt of " + id + ": longer than "
                    + MAX_HALT_REASON_LENGTH + " characters");
        }
    }

    private Book listedBook(InstrumentId id) {
        Book book = booksById.get(id);
        if (book == null) {
            throw new IllegalArgumentException("instrument " + id + ": not listed on " + venueId);
        }
        return book;
    }

    private InstrumentStatus currentStatus(Book book) {
        return book.halted ? InstrumentStatus.HALTED : open ? InstrumentStatus.TRADING : InstrumentStatus.CLOSED;
    }

    private String statusReason(Book book) {
        return book.halted ? book.haltReason : open ? "session open" : "outside trading sessions";
    }

    private void reportStatus(Book book, InstrumentStatus status, String reason) {
        if (!connected) {
            return;
        }
        try {
            listener.onInstrumentStatus(book.instrument.id(), status, reason);
        } catch (RuntimeException e) {
            LOG.error("Venue {}: the host's onInstrumentStatus failed", venueId, e);
        }
    }

    void subscribe(InstrumentId id, MarketDataType type, boolean on) {
        Book book = booksById.get(id);
        if (book == null || !connected) {
            LOG.warn("Venue {}: {} {} for {} ignored ({})", venueId, on ? "subscription" : "unsubscription", type,
                    id, book == null ? "unknown instrument" : "session down");
            return;
        }
        switch (type) {
            case TRADES -> book.trades = on;
            case TOP_OF_BOOK -> {
                book.tops = on;
                if (on) {
                    book.publishTop(book.book.bestBidPrice(), book.book.bestBidQuantity(),
                            book.book.bestAskPrice(), book.book.bestAskQuantity());
                }
            }
            case BOOK_DELTAS -> {
                book.deltas = on;
                if (on) {
                    book.publishSnapshot();
                }
            }
            default -> LOG.warn("Venue {}: {} is not published (the host builds bars)", venueId, type);
        }
    }

    List<OpenOrder> openOrders() {
        List<HostOrder> live = new ArrayList<>(liveOrders.size());
        liveOrders.copyValuesTo(live);
        live.sort(Comparator.comparingLong(order -> order.bookOrderId));
        List<OpenOrder> out = new ArrayList<>(live.size());
        for (HostOrder order : live) {
            out.add(new OpenOrder(null, order.clientOrderId, order.venueOrderId, order.instrument.id(), order.side,
                    order.type, order.timeInForce, order.quantity,
                    order.type.requiresLimitPrice() ? order.limitPrice : OrderRequest.NO_PRICE,
                    order.type.requiresStopPrice() ? order.stopPrice : OrderRequest.NO_PRICE, order.status,
                    order.cumQuantity, order.leavesQuantity(), order.cumPriceQuantity));
        }
        return out;
    }

    /** The venue is stopping: end the session. */
    void shutdown(String reason) {
        disconnect(reason);
    }

    // ---- requests ----------------------------------------------------------------------------------------------

    /** A request arrived from the host: it takes effect after the acknowledgement latency, in venue time. */
    void request(Object request) {
        if (settings.ackLatencyNanos() == 0) {
            process(request);
        } else {
            timers.add(now + settings.ackLatencyNanos(), TIMER_REQUEST, 0, request);
        }
    }

    private void process(Object request) {
        if (request instanceof OrderRequest order) {
            submit(order);
        } else if (request instanceof CancelRequest cancel) {
            cancel(cancel);
        } else if (request instanceof ReplaceRequest replace) {
            replace(replace);
        } else {
            throw new IllegalArgumentException("not a request: " + request);
        }
    }

    private void submit(OrderRequest request) {
        ClientOrderId id = request.clientOrderId();
        if (!connected) {
            rejectNew(request, RejectReason.VENUE_DISCONNECTED, "session to " + venueId + " is down", true);
            return;
        }
        Book book = booksById.get(request.instrument().id());
        if (book == null) {
            rejectNew(request, RejectReason.UNKNOWN_INSTRUMENT, request.instrument().id() + " is not listed on "
                    + venueId, false);
            return;
        }
        if (!claim(id)) {
            rejectNew(request, RejectReason.DUPLICATE_CLIENT_ORDER_ID, "client order id " + id
                    + " was already used today", false);
            return;
        }
        if (!open) {
            rejectNew(request, RejectReason.VENUE_CLOSED, venueId + " is outside its trading sessions", false);
            return;
        }
        if (book.halted) {
            rejectNew(request, RejectReason.VENUE_CLOSED, book.instrument.id() + " is halted: " + book.haltReason,
                    false);
            return;
        }
        if (journalProblem != null) {
            rejectNew(request, RejectReason.OTHER, journalProblem, false);
            return;
        }
        Instrument instrument = book.instrument;
        String problem = checkPrice(book, "limitPrice", request.limitPrice(), request.type().requiresLimitPrice());
        if (problem == null) {
            problem = checkPrice(book, "stopPrice", request.stopPrice(), request.type().requiresStopPrice());
        }
        if (problem != null) {
            rejectNew(request, RejectReason.INVALID_PRICE, problem, false);
            return;
        }
        problem = checkQuantity(book, "quantity", request.quantity());
        if (problem != null) {
            rejectNew(request, RejectReason.INVALID_QUANTITY, problem, false);
            return;
        }
        long bookId = nextOrderId++;
        HostOrder order = new HostOrder(bookId, venueId + "-" + bookId, instrument, book.index, id, request.side(),
                request.type(), request.timeInForce(), request.quantity(),
                request.hasLimitPrice() ? request.limitPrice() : 0, request.hasStopPrice() ? request.stopPrice() : 0,
                request.attribution().accountId());
        hostOrders.put(bookId, order);
        liveOrders.put(id, order);
        pending = Pending.SUBMIT;
        pendingOrder = order;
        try {
            book.book.submit(bookId, ownerOf(order.accountId), side(request.side()),
                    OrderType.valueOf(request.type().name()), timeInForce(request), order.limitPrice,
                    order.stopPrice, request.quantity(), settings.selfTradePrevention());
        } finally {
            pending = Pending.NONE;
            pendingOrder = null;
        }
        book.flush();
    }

    private void cancel(CancelRequest request) {
        if (!connected) {
            rejectCancel(request, null, RejectReason.VENUE_DISCONNECTED, "session to " + venueId + " is down", true);
            return;
        }
        if (!claim(request.clientOrderId())) {
            rejectCancel(request, liveOrders.get(request.originalClientOrderId()),
                    RejectReason.DUPLICATE_CLIENT_ORDER_ID, "client order id " + request.clientOrderId()
                            + " was already used today", false);
            return;
        }
        HostOrder order = liveOrders.get(request.originalClientOrderId());
        if (order == null || !order.instrument.id().equals(request.instrumentId()) || order.side != request.side()) {
            unknownOrder(request.originalClientOrderId(), request.instrumentId(),
                    (reason, text, known) -> rejectCancel(request, known, reason, text, false));
            return;
        }
        Book book = books[order.book];
        pending = Pending.CANCEL;
        pendingOrder = order;
        pendingRequestId = request.clientOrderId();
        try {
            book.book.cancel(order.bookOrderId);
        } finally {
            pending = Pending.NONE;
            pendingOrder = null;
            pendingRequestId = null;
        }
        book.flush();
    }

    private void replace(ReplaceRequest request) {
        if (!connected) {
            rejectReplace(request, null, RejectReason.VENUE_DISCONNECTED, "session to " + venueId + " is down",
                    true);
            return;
        }
        if (!claim(request.clientOrderId())) {
            rejectReplace(request, liveOrders.get(request.originalClientOrderId()),
                    RejectReason.DUPLICATE_CLIENT_ORDER_ID, "client order id " + request.clientOrderId()
                            + " was already used today", false);
            return;
        }
        HostOrder order = liveOrders.get(request.originalClientOrderId());
        if (order == null || !order.instrument.id().equals(request.instrument().id())
                || order.side != request.side()) {
            unknownOrder(request.originalClientOrderId(), request.instrument().id(),
                    (reason, text, known) -> rejectReplace(request, known, reason, text, false));
            return;
        }
        if (!open) {
            rejectReplace(request, order, RejectReason.VENUE_CLOSED, venueId + " is outside its trading sessions",
                    false);
            return;
        }
        Book book = books[order.book];
        if (book.halted) {
            rejectReplace(request, order, RejectReason.VENUE_CLOSED, book.instrument.id() + " is halted: "
                    + book.haltReason, false);
            return;
        }
        if (journalProblem != null) {
            rejectReplace(request, order, RejectReason.OTHER, journalProblem, false);
            return;
        }
        if (order.type == io.alphintra.sdk.order.OrderType.MARKET
                || order.type == io.alphintra.sdk.order.OrderType.STOP || request.changesStopPrice()) {
            rejectReplace(request, order, RejectReason.UNSUPPORTED_ORDER, "only the limit price and quantity of"
                    + " resting limit orders can be amended; cancel and send a new order", false);
            return;
        }
        long newPrice = request.changesLimitPrice() ? request.newLimitPrice() : order.limitPrice;
        String problem = checkPrice(book, "newLimitPrice", newPrice, true);
        if (problem != null) {
            rejectReplace(request, order, RejectReason.INVALID_PRICE, problem, false);
            return;
        }
        long newQuantity = request.changesQuantity() ? request.newQuantity() : order.quantity;
        problem = checkQuantity(book, "newQuantity", newQuantity);
        if (problem == null && newQuantity <= order.cumQuantity) {
            problem = "newQuantity = " + order.instrument.describeQuantity(newQuantity) + ": not above the "
                    + order.instrument.describeQuantity(order.cumQuantity) + " already filled";
        }
        if (problem != null) {
            rejectReplace(request, order, RejectReason.INVALID_QUANTITY, problem, false);
            return;
        }
        pending = Pending.REPLACE;
        pendingOrder = order;
        pendingRequestId = request.clientOrderId();
        pendingNewQuantity = newQuantity;
        try {
            book.book.replace(order.bookOrderId, newPrice, newQuantity - order.cumQuantity);
        } finally {
            pending = Pending.NONE;
            pendingOrder = null;
            pendingRequestId = null;
        }
        book.flush();
    }

    /**
     * Takes a client order id for a request; false when it is in use: a live order's id (whatever its age), or one
     * used in the trading day and still within {@code finishedOrderWindow}.
     */
    private boolean claim(ClientOrderId id) {
        return !liveOrders.containsKey(id) && recentIds.use(id);
    }

    private interface UnknownOrderReject {
        void reject(RejectReason reason, String text, HostOrder known);
    }

    private void unknownOrder(ClientOrderId original, InstrumentId instrument, UnknownOrderReject reject) {
        HostOrder finished = recentIds.finishedOrder(original);
        if (finished != null && finished.instrument.id().equals(instrument)) {
            reject.reject(RejectReason.TOO_LATE_TO_CANCEL, "order " + original + " is already "
                    + finished.status.name().toLowerCase(java.util.Locale.ROOT), finished);
        } else {
            reject.reject(RejectReason.UNKNOWN_ORDER, "no working order " + original + " on " + instrument, null);
        }
    }

    private String checkPrice(Book book, String field, long price, boolean required) {
        if (!required) {
            return null;
        }
        try {
            book.instrument.requireValidPrice(field, price);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (price > book.spec.maxPrice()) {
            return field + " = " + book.instrument.describePrice(price) + ": above the venue's maximum "
                    + book.instrument.formatPrice(book.spec.maxPrice()) + " for " + book.instrument.id();
        }
        return null;
    }

    private String checkQuantity(Book book, String field, long quantity) {
        try {
            book.instrument.requireValidQuantity(field, quantity);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (quantity > book.spec.maxQuantity()) {
            return field + " = " + book.instrument.describeQuantity(quantity) + ": above the venue's maximum "
                    + book.instrument.formatQuantity(book.spec.maxQuantity()) + " for " + book.instrument.id();
        }
        return null;
    }

    private long ownerOf(String accountId) {
        Long owner = accountOwners.get(accountId);
        if (owner == null) {
            owner = FIRST_ACCOUNT_OWNER + accountOwners.size();
            accountOwners.put(accountId, owner);
        }
        return owner;
    }

    private static Side side(io.alphintra.sdk.order.Side side) {
        return side.isBuy() ? Side.BUY : Side.SELL;
    }

    private static TimeInForce timeInForce(OrderRequest request) {
        // Market orders never rest: a DAY market order is immediate-or-cancel on the book.
        if (request.type() == io.alphintra.sdk.order.OrderType.MARKET
                && request.timeInForce() == io.alphintra.sdk.order.TimeInForce.DAY) {
            return TimeInForce.IOC;
        }
        return TimeInForce.valueOf(request.timeInForce().name());
    }

    // ---- reports -----------------------------------------------------------------------------------------------

    private String nextExecId() {
        return venueId + "-E" + generation + "-" + nextExecId++;
    }

    private ExecutionReport.Builder report(HostOrder order, ExecType type) {
        return ExecutionReport.builder().clientOrderId(order.clientOrderId).venueOrderId(order.venueOrderId)
                .execId(nextExecId()).instrumentId(order.instrument.id()).side(order.side).execType(type)
                .status(order.status).orderQuantity(order.quantity).cumQuantity(order.cumQuantity)
                .leavesQuantity(order.leavesQuantity()).cumPriceQuantity(order.cumPriceQuantity)
                .transactTimeNanos(now).receiveTimeNanos(now);
    }

    private void rejectNew(OrderRequest request, RejectReason reason, String text, boolean sessionDown) {
        ExecutionReport report = ExecutionReport.builder().clientOrderId(request.clientOrderId())
                .execId(nextExecId()).instrumentId(request.instrument().id()).side(request.side())
                .execType(ExecType.REJECTED).status(OrderStatus.REJECTED).orderQuantity(request.quantity())
                .rejectReason(reason).text(text).transactTimeNanos(now).receiveTimeNanos(now).build();
        emit(null, report, sessionDown);
    }

    private void rejectCancel(CancelRequest request, HostOrder known, RejectReason reason, String text,
            boolean sessionDown) {
        emit(null, amendReject(ExecType.CANCEL_REJECTED, request.clientOrderId(), request.originalClientOrderId(),
                request.instrumentId(), request.side(), known, 1, reason, text), sessionDown);
    }

    private void rejectReplace(ReplaceRequest request, HostOrder known, RejectReason reason, String text,
            boolean sessionDown) {
        emit(null, amendReject(ExecType.REPLACE_REJECTED, request.clientOrderId(), request.originalClientOrderId(),
                request.instrument().id(), request.side(), known, request.instrument().lotSize(), reason, text),
                sessionDown);
    }

    /**
     * A refused cancel or replace. For an order the venue knows it carries the order's state; for one it does not,
     * status REJECTED and a nominal quantity, because a report needs a positive order quantity.
     */
    private ExecutionReport amendReject(ExecType type, ClientOrderId requestId, ClientOrderId originalId,
            InstrumentId instrumentId, io.alphintra.sdk.order.Side side, HostOrder known, long nominalQuantity,
            RejectReason reason, String text) {
        ExecutionReport.Builder builder = known != null
                ? report(known, type)
                : ExecutionReport.builder().execId(nextExecId()).instrumentId(instrumentId).side(side).execType(type)
                        .status(OrderStatus.REJECTED).orderQuantity(Math.max(1, nominalQuantity))
                        .transactTimeNanos(now).receiveTimeNanos(now);
        return builder.clientOrderId(requestId).originalClientOrderId(originalId).rejectReason(reason).text(text)
                .build();
    }

    /**
     * Records a report (the order's new state and, for a fill or an order's end, the report itself, in the history
     * and in the journal, before anything leaves the venue), then delivers it now, or keeps it for the next
     * session. {@code order} is the host order the report changed, or null for a refusal that changed nothing. A
     * rejection of a request made while the session is down (dropped or logged out) goes to the listener of the last
     * session at once: it is the answer to that request.
     */
    private void emit(HostOrder order, ExecutionReport report, boolean immediate) {
        boolean kept = ExecutionHistory.keeps(report);
        if (kept) {
            history.add(report, now);
        }
        if (journal != null) {
            if (order != null && order.canRest()) {
                journal.order(order, now);
            }
            if (kept) {
                journal.report(report);
            }
            commitJournal();
        }
        if (connected || immediate && listener != null) {
            deliver(report);
        } else if (immediate) {
            LOG.warn("Venue {}: no session to report {} to: {}", venueId, report.clientOrderId(), report.text());
        } else {
            if (missedReports.size() == MAX_MISSED_REPORTS) {
                LOG.error("Venue {}: more than {} reports while the session was down; dropping the oldest",
                        venueId, MAX_MISSED_REPORTS);
                missedReports.remove(0);
            }
            missedReports.add(report);
        }
    }

    private void deliver(ExecutionReport report) {
        try {
            listener.onExecutionReport(report);
        } catch (RuntimeException e) {
            LOG.error("Venue {}: the host failed to take report {}", venueId, report.execId(), e);
        }
    }

    private void finish(HostOrder order) {
        hostOrders.remove(order.bookOrderId);
        liveOrders.remove(order.clientOrderId);
        recentIds.finished(order);
    }

    // ---- the twin's gateway ------------------------------------------------------------------------------------

    @Override
    public long newOrderId() {
        return nextOrderId++;
    }

    @Override
    public void submit(int instrument, long orderId, long ownerId, Side side, OrderType type,
            TimeInForce timeInForce, long price, long quantity) {
        Book book = books[instrument];
        book.book.submit(orderId, ownerId, side, type, timeInForce, price, 0, quantity,
                SelfTradePrevention.CANCEL_RESTING);
        book.flush();
    }

    @Override
    public void cancel(int instrument, long orderId) {
        Book book = books[instrument];
        book.book.cancel(orderId);
        book.flush();
    }

    @Override
    public long bestBid(int instrument) {
        return books[instrument].book.bestBidPrice();
    }

    @Override
    public long bestAsk(int instrument) {
        return books[instrument].book.bestAskPrice();
    }

    @Override
    public void schedule(int instrument, long atNanos) {
        timers.add(atNanos, TIMER_TWIN, instrument, null);
    }

    @Override
    public boolean isTrading(int instrument) {
        return open && !books[instrument].halted;
    }

    // ---- the recorded market's access ---------------------------------------------------------------------------

    OrderBook orderBook(int instrument) {
        return books[instrument].book;
    }

    /** Publishes what the recorded market did to a book as one batch, like the end of any book command. */
    void flushBook(int instrument) {
        books[instrument].flush();
    }

    void publishRecordedTrade(int instrument, long price, long quantity, long timeNanos) {
        books[instrument].publishTrade(price, quantity, AggressorSide.UNKNOWN, timeNanos);
    }

    void scheduleRecordedPrint(int instrument, long atNanos) {
        timers.add(atNanos, TIMER_RECORDED_PRINT, instrument, null);
    }

    /** The window of used ids and finished orders, for tests. */
    RecentOrderIds recentIds() {
        return recentIds;
    }

    /** Depth of a book, for tests and operators. */
    void depth(InstrumentId id, DepthSnapshot out) {
        booksById.get(id).book.depth(out);
    }

    // ---- one instrument's book ---------------------------------------------------------------------------------

    /** A book and everything the venue publishes about it; the book's listener. */
    private final class Book implements MatchingListener {
        final int index;
        final InstrumentSpec spec;
        final Instrument instrument;
        final OrderBook book;
        final Currency feeCurrency;
        final int feeScale;
        boolean trades;
        boolean tops;
        boolean deltas;
        /** Halted by an operator: refuses new orders and replaces, and the twin leaves it alone. */
        boolean halted;
        String haltReason;

        private long[] deltaPrices = new long[64];
        private long[] deltaSizes = new long[64];
        private boolean[] deltaBids = new boolean[64];
        private int deltaCount;
        private boolean topChanged;
        private long bidPrice;
        private long bidSize;
        private long askPrice;
        private long askSize;

        Book(int index, InstrumentSpec spec) {
            this.index = index;
            this.spec = spec;
            this.instrument = spec.instrument();
            this.book = new OrderBook(settings.bookConfig(spec), this, 1024);
            this.feeCurrency = instrument.quoteCurrency();
            this.feeScale = instrument.priceScale() + instrument.quantityScale();
            Decimals.requireScale("fee scale of " + instrument.id(), feeScale);
        }

        @Override
        public void onAccepted(long seq, long orderId, long ownerId, Side side, OrderType type,
                TimeInForce timeInForce, long price, long stopPrice, long quantity) {
            if (ownerId < MarketTwin.MAX_OWNER) {
                return;
            }
            if (pending == Pending.RESTORE) {
                return; // acknowledged in the run that took it
            }
            HostOrder order = hostOrders.get(orderId);
            order.status = OrderStatus.NEW;
            emit(order, report(order, ExecType.NEW).build(), false);
        }

        @Override
        public void onRejected(long seq, long orderId, io.alphintra.simexchange.internal.matching.RejectReason reason) {
            HostOrder order = pendingOrder != null && pendingOrder.bookOrderId == orderId ? pendingOrder : null;
            if (order == null) {
                if (twin != null) {
                    twin.onOrderDone(index, orderId);
                }
                return;
            }
            switch (pending) {
                case SUBMIT -> bookRefusedNew(order, reason);
                case REPLACE -> {
                    RejectReason code = switch (reason) {
                        case INVALID_PRICE, INVALID_STOP_PRICE -> RejectReason.INVALID_PRICE;
                        case INVALID_QUANTITY -> RejectReason.INVALID_QUANTITY;
                        case ORDER_NOT_REPLACEABLE -> RejectReason.UNSUPPORTED_ORDER;
                        default -> RejectReason.OTHER;
                    };
                    emit(null, report(order, ExecType.REPLACE_REJECTED).clientOrderId(pendingRequestId)
                            .originalClientOrderId(order.clientOrderId).rejectReason(code)
                            .text("the book refused the replace: " + reason).build(), false);
                }
                case CANCEL -> emit(null, report(order, ExecType.CANCEL_REJECTED).clientOrderId(pendingRequestId)
                        .originalClientOrderId(order.clientOrderId).rejectReason(RejectReason.TOO_LATE_TO_CANCEL)
                        .text("the book no longer holds the order").build(), false);
                case RESTORE -> {
                    order.status = OrderStatus.CANCELED;
                    finish(order);
                    emit(order, report(order, ExecType.CANCELED).text("canceled when the venue restarted: the book"
                            + " refused it again: " + reason).build(), false);
                }
                default -> LOG.error("Venue {}: book rejected order {} outside a command", venueId, orderId);
            }
        }

        /** The book refused a new host order after the venue's own checks passed. */
        private void bookRefusedNew(HostOrder order,
                io.alphintra.simexchange.internal.matching.RejectReason reason) {
            switch (reason) {
                case NO_LIQUIDITY, FOK_NOT_FILLABLE -> {
                    // What venues do with an immediate order that finds nothing to trade: accept it, then cancel it.
                    order.status = OrderStatus.NEW;
                    emit(order, report(order, ExecType.NEW).build(), false);
                    order.status = OrderStatus.CANCELED;
                    emit(order, report(order, ExecType.CANCELED).text(reason == NO_LIQUIDITY_REASON
                            ? "no liquidity on the other side of the book"
                            : "fill-or-kill: could not fill the whole quantity").build(), false);
                }
                default -> {
                    RejectReason code = switch (reason) {
                        case INVALID_PRICE, INVALID_STOP_PRICE -> RejectReason.INVALID_PRICE;
                        case INVALID_QUANTITY -> RejectReason.INVALID_QUANTITY;
                        case INVALID_TIME_IN_FORCE -> RejectReason.UNSUPPORTED_ORDER;
                        default -> RejectReason.OTHER;
                    };
                    order.status = OrderStatus.REJECTED;
                    emit(null, report(order, ExecType.REJECTED).venueOrderId(null).rejectReason(code)
                            .text("the book refused the order: " + reason).build(), false);
                }
            }
            finish(order);
        }

        @Override
        public void onTrade(long seq, long makerOrderId, long takerOrderId, long makerOwnerId, long takerOwnerId,
                Side takerSide, long price, long quantity, long makerRemaining, long takerRemaining, long makerFee,
                long takerFee) {
            if (recorded == null) {
                publishTrade(price, quantity, takerSide == Side.BUY ? AggressorSide.BUYER : AggressorSide.SELLER,
                        now);
            }
            if (twin != null) {
                twin.onTrade(index, price);
            }
            fill(makerOrderId, makerOwnerId, takerSide.opposite(), price, quantity, makerRemaining, makerFee,
                    Liquidity.MAKER);
            fill(takerOrderId, takerOwnerId, takerSide, price, quantity, takerRemaining, takerFee, Liquidity.TAKER);
        }

        void publishTrade(long price, long quantity, AggressorSide aggressor, long timeNanos) {
            if (!trades || !connected) {
                return;
            }
            tradeEvent.instrumentId = instrument.id();
            tradeEvent.price = price;
            tradeEvent.quantity = quantity;
            tradeEvent.aggressor = aggressor;
            tradeEvent.timeNanos = timeNanos;
            try {
                listener.onTrade(tradeEvent);
            } catch (RuntimeException e) {
                LOG.error("Venue {}: the host's onTrade failed", venueId, e);
            }
        }

        private void fill(long orderId, long ownerId, Side side, long price, long quantity, long remaining,
                long fee, Liquidity liquidity) {
            if (ownerId < MarketTwin.MAX_OWNER) {
                if (twin != null) {
                    twin.onFill(index, ownerId, orderId, side, quantity, remaining);
                }
                return;
            }
            HostOrder order = hostOrders.get(orderId);
            ExecutionReport.Builder builder = report(order, ExecType.TRADE).fill(quantity, price)
                    .liquidity(liquidity).fee(Money.of(feeCurrency, fee, feeScale));
            ExecutionReport report = builder.build();
            order.cumQuantity = report.cumQuantity();
            order.cumPriceQuantity = report.cumPriceQuantity();
            order.status = report.status();
            if (order.status == OrderStatus.FILLED) {
                finish(order);
            }
            emit(order, report, false);
        }

        @Override
        public void onCancelled(long seq, long orderId, long remainingQuantity, CancelReason reason) {
            HostOrder order = hostOrders.get(orderId);
            if (order == null) {
                if (twin != null) {
                    twin.onOrderDone(index, orderId);
                }
                return;
            }
            order.status = OrderStatus.CANCELED;
            ExecutionReport.Builder builder = report(order, ExecType.CANCELED);
            if (reason == CancelReason.REQUESTED && pending == Pending.CANCEL && pendingOrder == order) {
                builder.clientOrderId(pendingRequestId).originalClientOrderId(order.clientOrderId);
            } else {
                builder.text(switch (reason) {
                    case UNFILLED_REMAINDER -> "unfilled remainder of an immediate order";
                    case SELF_TRADE_PREVENTION -> "self-trade prevention (" + settings.selfTradePrevention() + ")";
                    case FOK_NOT_FILLABLE -> "fill-or-kill: could not fill the whole quantity";
                    case REQUESTED -> "cancelled";
                });
            }
            finish(order);
            emit(order, builder.build(), false);
        }

        @Override
        public void onReplaced(long seq, long orderId, long price, long quantity, boolean priorityKept) {
            HostOrder order = hostOrders.get(orderId);
            if (order == null) {
                return;
            }
            ClientOrderId previous = order.clientOrderId;
            liveOrders.remove(previous);
            order.clientOrderId = pendingRequestId;
            order.limitPrice = price;
            order.quantity = pendingNewQuantity;
            order.status = OrderStatus.REPLACED;
            liveOrders.put(order.clientOrderId, order);
            ExecutionReport report = report(order, ExecType.REPLACED).originalClientOrderId(previous)
                    .text(priorityKept ? "queue priority kept" : "queue priority lost").build();
            // The order rests on as new or partly filled; that is what the journal keeps.
            order.status = order.cumQuantity > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
            emit(order, report, false);
        }

        @Override
        public void onExpired(long seq, long orderId, long remainingQuantity) {
            HostOrder order = hostOrders.get(orderId);
            if (order == null) {
                if (twin != null) {
                    twin.onOrderDone(index, orderId);
                }
                return;
            }
            order.status = OrderStatus.EXPIRED;
            finish(order);
            emit(order, report(order, ExecType.EXPIRED).text("DAY order expired at the end of the trading day")
                    .build(), false);
        }

        @Override
        public void onLevelChanged(long seq, Side side, long price, long quantity, int orderCount) {
            if (!deltas || !connected) {
                return;
            }
            if (deltaCount == deltaPrices.length) {
                int capacity = deltaCount * 2;
                deltaPrices = java.util.Arrays.copyOf(deltaPrices, capacity);
                deltaSizes = java.util.Arrays.copyOf(deltaSizes, capacity);
                deltaBids = java.util.Arrays.copyOf(deltaBids, capacity);
            }
            deltaPrices[deltaCount] = price;
            deltaSizes[deltaCount] = quantity;
            deltaBids[deltaCount] = side == Side.BUY;
            deltaCount++;
        }

        @Override
        public void onTopOfBook(long seq, long bidPrice, long bidQuantity, long askPrice, long askQuantity) {
            topChanged = true;
            this.bidPrice = bidPrice;
            this.bidSize = bidQuantity;
            this.askPrice = askPrice;
            this.askSize = askQuantity;
        }

        /** Ends a book command: its level changes as one batch of deltas, then top of book if it moved. */
        void flush() {
            if (deltaCount > 0) {
                for (int i = 0; i < deltaCount; i++) {
                    publishDelta(deltaBids[i] ? BookSide.BID : BookSide.ASK, deltaPrices[i], deltaSizes[i], false,
                            i == deltaCount - 1);
                }
                deltaCount = 0;
            }
            if (topChanged) {
                topChanged = false;
                if (tops && connected) {
                    publishTop(bidPrice, bidSize, askPrice, askSize);
                }
            }
        }

        void publishTop(long bid, long bidQuantity, long ask, long askQuantity) {
            topEvent.instrumentId = instrument.id();
            topEvent.bidPrice = bidQuantity == 0 ? 0 : bid;
            topEvent.bidSize = bidQuantity;
            topEvent.askPrice = askQuantity == 0 ? 0 : ask;
            topEvent.askSize = askQuantity;
            topEvent.timeNanos = now;
            try {
                listener.onTopOfBook(topEvent);
            } catch (RuntimeException e) {
                LOG.error("Venue {}: the host's onTopOfBook failed", venueId, e);
            }
        }

        /** A (re)subscription: a clearing delta, then every level up to the snapshot depth, as one batch. */
        void publishSnapshot() {
            book.depth(snapshot);
            int bids = snapshot.levels(Side.BUY);
            int asks = snapshot.levels(Side.SELL);
            if (bids + asks == 0) {
                publishDelta(BookSide.BID, 0, 0, true, true);
                return;
            }
            int published = 0;
            for (int i = 0; i < bids; i++, published++) {
                publishDelta(BookSide.BID, snapshot.price(Side.BUY, i), snapshot.quantity(Side.BUY, i),
                        published == 0, published == bids + asks - 1);
            }
            for (int i = 0; i < asks; i++, published++) {
                publishDelta(BookSide.ASK, snapshot.price(Side.SELL, i), snapshot.quantity(Side.SELL, i),
                        published == 0, published == bids + asks - 1);
            }
        }

        private void publishDelta(BookSide side, long price, long size, boolean clears, boolean end) {
            deltaEvent.instrumentId = instrument.id();
            deltaEvent.side = side;
            deltaEvent.price = price;
            deltaEvent.size = size;
            deltaEvent.clearsBook = clears;
            deltaEvent.endOfBatch = end;
            deltaEvent.timeNanos = now;
            try {
                listener.onBookDelta(deltaEvent);
            } catch (RuntimeException e) {
                LOG.error("Venue {}: the host's onBookDelta failed", venueId, e);
            }
        }
    }

    private static final io.alphintra.simexchange.internal.matching.RejectReason NO_LIQUIDITY_REASON =
            io.alphintra.simexchange.internal.matching.RejectReason.NO_LIQUIDITY;
}
