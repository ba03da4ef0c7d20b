package io.alphintra.sdk.indicator;

import io.alphintra.sdk.indicator.internal.Check;

/**
 * Wilder's directional indicators (TA-Lib {@code PLUS_DI}, {@code MINUS_DI} and {@code DX}). +DM/-DM and the true
 * range are summed over the first {@code period - 1} bars and then smoothed with
 * {@code sum = sum - sum/period + new}, exactly as TA-Lib does; {@code +DI = 100*(+DM)/TR}, and
 * {@code DX = 100*|+DI - -DI|/(+DI + -DI)}. A zero true range or DI sum gives 0. Uses high, low and close. Outputs:
 * {@code plusDi}, {@code minusDi}, {@code dx}; {@link #value()} is DX. Warm-up: {@code period + 1}. See {@link Adx}.
 */
public final class DirectionalMovement implements BarIndicator, MultiOutput {

    private static final String[] OUTPUTS = {"plusDi", "minusDi", "dx"};

    private final int period;
    private int count;
    private double previousHigh;
    private double previousLow;
    private double previousClose;
    private double plusDm;
    private double minusDm;
    private double trueRange;
    private boolean dxDefined;
    private double plusDi = Double.NaN;
    private double minusDi = Double.NaN;
    private double dx = Double.NaN;

    /** @param period {@code >= 2} */
    public DirectionalMovement(int period) {
        this.period = Check.atLeast("period", period, 2);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        if (count > 0) {
            double upMove = high - previousHigh;
            double downMove = previousLow - low;
            double tr = TrueRange.of(high, low, previousClose);
            if (count >= period) {
                plusDm -= plusDm / period;
                minusDm -= minusDm / period;
                trueRange -= trueRange / period;
            }
            if (downMove > 0 && upMove < downMove) {
                minusDm += downMove;
            } else if (upMove > 0 && upMove > downMove) {
                plusDm += upMove;
            }
            trueRange += tr;
            if (count >= period) {
                computeIndicators();
            }
        }
        count++;
        previousHigh = high;
        previousLow = low;
        previousClose = close;
        return dx;
    }

    private void computeIndicators() {
        dxDefined = false;
        if (trueRange == 0) {
            plusDi = 0;
            minusDi = 0;
            dx = 0;
            return;
        }
        minusDi = 100.0 * (minusDm / trueRange);
        plusDi = 100.0 * (plusDm / trueRange);
        double sum = minusDi + plusDi;
        dxDefined = sum != 0;
        dx = dxDefined ? 100.0 * (Math.abs(minusDi - plusDi) / sum) : 0.0;
    }

    /** Whether the last DX came from a non-zero range and DI sum; {@link Adx} skips the others, as TA-Lib does. */
    boolean dxDefined() {
        return dxDefined;
    }

    /** +DI, 0..100. */
    public double plusDi() {
        return plusDi;
    }

    /** -DI, 0..100. */
    public double minusDi() {
        return minusDi;
    }

    /** DX, 0..100. */
    public double dx() {
        return dx;
    }

    @Override
    public double value() {
        return dx;
    }

    @Override
    public boolean isReady() {
        return count > period;
    }

    @Override
    public int warmupPeriod() {
        return period + 1;
    }

    @Override
    public void reset() {
        count = 0;
        plusDm = 0;
        minusDm = 0;
        trueRange = 0;
        dxDefined = false;
        plusDi = Double.NaN;
        minusDi = Double.NaN;
        dx = Double.NaN;
    }

    @Override
    public String name() {
        return "DM(" + period + ")";
    }

    @Override
    public int outputCount() {
        return OUTPUTS.length;
    }

    @Override
    public String outputName(int index) {
        return Outputs.name(OUTPUTS, index);
    }

    @Override
    public double output(int index) {
        return switch (index) {
            case 0 -> plusDi;
            case 1 -> minusDi;
            case 2 -> dx;
            default -> throw Outputs.invalid(index, OUTPUTS.length);
        };
    }
}
