package io.alphintra.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = EngineConfig.PID, name = "Alphintra trading engine",
        description = "The single-writer engine: its journal and its event ring. Changes apply at the next start.")
@interface EngineConfig {
    String PID = "io.alphintra.engine";

    @AttributeDefinition(description = "Journal directory; relative paths are resolved against the node's home.")
    String journalDirectory() default "var/journal";

    @AttributeDefinition(description = "fsync: each batch is forced to disk (survives power loss); write: handed to"
            + " the OS (survives a process crash, kill -9 included).")
    String durability() default "fsync";

    @AttributeDefinition(description = "Bytes per journal segment file.")
    int segmentBytes() default 64 * 1024 * 1024;

    @AttributeDefinition(description = "Slots in the engine's event ring; a power of two.")
    int ringSize() default 65536;

    @AttributeDefinition(description = "Orders the engine expects to hold until its next start: those it recovers"
            + " from the journal and those it takes. Its order indexes are sized for them (and one cancel or replace"
            + " each) at start, 52 to 100 bytes per order, so they never pause the engine thread to grow before.")
    int expectedOrders() default 1 << 20;

    @AttributeDefinition(description = "Finished orders (filled, cancelled, rejected, expired) the engine keeps beside"
            + " the working ones, the most recently finished; when one more finishes, the one that finished first is"
            + " forgotten with its client order ids, which may then be used again. A fill the venue reports for a"
            + " forgotten order is not booked (logged at ERROR).")
    int finishedOrdersKept() default 1 << 20;

    @AttributeDefinition(description = "How the engine thread waits for work: backoff (as sleeping while work comes"
            + " at least every millisecond; once idle for 1 ms, sleeps doubling to 10 ms from which the next event"
            + " wakes it: an idle node costs little CPU), blocking, sleeping (wakes every 50-60 us while idle),"
            + " yielding, busy-spin.")
    String waitStrategy() default "backoff";

    @AttributeDefinition(description = "Journal records between engine snapshots (0: only on alphintra:snapshot and"
            + " at a clean stop). On start the engine restores the newest snapshot and replays only the records after"
            + " it; writing one pauses the engine thread, about a second per million orders.")
    long snapshotEveryRecords() default 1_000_000;

    @AttributeDefinition(description = "What becomes of journal segments that the older of the two kept snapshots"
            + " covers: archive (moved to the journal directory's archive/, kept for audit) or delete.")
    String journalRetention() default "archive";

    @AttributeDefinition(description = "Subscribe to trades and tops of book of every instrument a venue lists, so"
            + " alphintra:market and marking to market cover them all; off, the engine receives only what strategies"
            + " and the recorder subscribe to.")
    boolean watchMarket() default true;

    @AttributeDefinition(description = "Longest call, in milliseconds, a pre-trade check or rule set may make on the"
            + " engine thread: a watchdog interrupts one that runs longer, its order is rejected naming the plugin,"
            + " and after repeated overruns the plugin is quarantined (0: no watchdog).")
    int pluginCallMillis() default 100;

    @AttributeDefinition(description = "Archived journal segments (journalRetention = archive) past this many megabytes"
            + " are warned about in the log, checked every 10 minutes; alphintra:journal shows the disk use and"
            + " alphintra:journal-prune deletes archives by age (0: no warning).")
    int archiveWarnMegabytes() default 10240;

    @AttributeDefinition(description = "Cancel on disconnect (PT12): venues, comma-separated ids or * for all, whose"
            + " session's working orders the engine cancels whenever the session (re)connects, after booking what the"
            + " venue executed meanwhile: a session lost, by the venue or by this node's restart, takes its orders"
            + " with it. Empty: orders rest at the venue across a drop, as a venue that keeps them allows.")
    String cancelOnDisconnect() default "";

    @AttributeDefinition(description = "Message throttle (PT6): new orders, replaces and cancels a second any one"
            + " venue may be sent; beyond it they are refused THROTTLED and never reach the venue (0: no limit).")
    int maxMessagesPerSecondPerVenue() default 0;

    @AttributeDefinition(description = "Message throttle (PT6): new orders, replaces and cancels a second any one"
            + " account may send (0: no limit).")
    int maxMessagesPerSecondPerAccount() default 0;

    @AttributeDefinition(description = "Message throttle (PT6): new orders, replaces and cancels a second any one"
            + " strategy instance may send, unless its own configuration sets maxMessagesPerSecond; beyond it they are"
            + " refused THROTTLED, the strategy is told and goes on running (0: no limit).")
    int maxMessagesPerSecondPerStrategy() default 0;

    @AttributeDefinition(description = "How long, in milliseconds, an order a pre-trade check held for an authorised"
            + " override (a soft limit) may wait for its release before it expires, never sent (0: until released or"
            + " cancelled; at most 7 days).")
    long holdExpiryMillis() default 300_000;
}
