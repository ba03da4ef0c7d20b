package io.alphintra.benchmarks.matching;

import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.api.ApiCommand;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Both engines replay the same {@link OrderFlow} from an empty book; one invocation is the whole flow, so the score
 * is nanoseconds per command (commands/s = 1e9 / score). Each iteration starts from a fresh engine.
 *
 * <pre>java -jar target/benchmarks.jar MatchingThroughputBenchmark</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(MatchingThroughputBenchmark.COMMANDS)
@Warmup(iterations = 4)
@Measurement(iterations = 6)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g",
        "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.base/java.io=ALL-UNNAMED", "--add-opens", "java.base/java.util=ALL-UNNAMED"})
public class MatchingThroughputBenchmark {

    static final int COMMANDS = 2_000_000;
    static final long SEED = 20240601L;
    static final int RESTING = 3_000;
    static final int USERS = 100;

    /** Generated once per fork: generation runs a reference book and is far slower than a replay. */
    @State(Scope.Benchmark)
    public static class Flow {
        OrderFlow flow;
        ApiCommand[] apiCommands;

        @Setup(Level.Trial)
        public void generate() {
            flow = OrderFlow.generate(SEED, COMMANDS, RESTING, USERS);
            apiCommands = ExchangeCoreDriver.commands(flow);
        }
    }

    @State(Scope.Thread)
    public static class Ours {
        OurEngineDriver engine;

        @Setup(Level.Iteration)
        public void start() {
            engine = new OurEngineDriver(RESTING * 4);
        }
    }

    @State(Scope.Thread)
    public static class ExchangeCore {
        ExchangeCoreDriver engine;
        long tradedQuantity;

        @Setup(Level.Iteration)
        public void start() {
            engine = new ExchangeCoreDriver(USERS, (command, seq) -> {
                for (MatcherTradeEvent event = command.matcherEvent; event != null; event = event.nextEvent) {
                    tradedQuantity += event.size;
                }
            });
        }

        @TearDown(Level.Iteration)
        public void stop() {
            engine.close();
        }
    }

    @Benchmark
    public long ours(Flow flow, Ours ours) {
        return ours.engine.replay(flow.flow);
    }

    @Benchmark
    public long exchangeCore(Flow flow, ExchangeCore exchangeCore) {
        exchangeCore.engine.replay(flow.apiCommands);
        return exchangeCore.tradedQuantity;
    }
}
