package io.alphintra.sdk.strategy;

/**
 * Optional base class that keeps the {@link StrategyContext} and gives a no-argument start hook. Extend it when
 * that is all the boilerplate you need; implement {@link Strategy} directly otherwise.
 */
public abstract class BaseStrategy implements Strategy {

    private StrategyContext context;

    /** Keeps the context, then calls {@link #onStarted()}. */
    @Override
    public final void onStart(StrategyContext context) {
        if (context == null) {
            throw new IllegalArgumentException("context: required (was null)");
        }
        this.context = context;
        onStarted();
    }

    /** Called from {@link #onStart(StrategyContext)} once the context is available. */
    protected void onStarted() {
    }

    /**
     * The context given at start.
     *
     * @throws IllegalStateException before {@link #onStart(StrategyContext)}
     */
    protected final StrategyContext context() {
        if (context == null) {
            throw new IllegalStateException("the strategy has not been started; the context is set in onStart");
        }
        return context;
    }
}
