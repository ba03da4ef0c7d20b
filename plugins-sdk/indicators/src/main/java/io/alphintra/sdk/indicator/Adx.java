package io.alphintra.sdk.indicator;

/**
 * Average directional index (TA-Lib {@code ADX}): the average of the first {@code period} {@link DirectionalMovement
 * DX} values, then Wilder-smoothed {@code (adx*(period-1) + dx)/period}. Like TA-Lib, a bar whose DX is undefined
 * (zero range or DI sum) leaves the ADX unchanged. Uses high, low and close. Outputs: {@code adx}, {@code plusDi},
 * {@code minusDi}; {@link #value()} is the ADX. Warm-up: {@code 2*period}.
 */
public final class Adx implements BarIndicator, MultiOutput {

    private static final String[] OUTPUTS = {"adx", "plusDi", "minusDi"};

    private final DirectionalMovement dm;
    private final int period;
    private int dxCount;
    private double dxSum;
    private double adx = Double.NaN;
    private double plusDi = Double.NaN;
    private double minusDi = Double.NaN;

    /** @param period {@code >= 2} */
    public Adx(int period) {
        dm = new DirectionalMovement(period);
        this.period = period;
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        dm.update(open, high, low, close, volume);
        if (!dm.isReady()) {
            return adx;
        }
        dxCount++;
        if (dxCount < period) {
            dxSum += dm.dx();
            return adx;
        }
        if (dxCount == period) {
            adx = (dxSum + dm.dx()) / period;
        } else if (dm.dxDefined()) {
            adx = (adx * (period - 1) + dm.dx()) / period;
        }
        plusDi = dm.plusDi();
        minusDi = dm.minusDi();
        return adx;
    }

    public double adx() {
        return adx;
    }

    public double plusDi() {
        return plusDi;
    }

    public double minusDi() {
        return minusDi;
    }

    @Override
    public double value() {
        return adx;
    }

    @Override
    public boolean isReady() {
        return dxCount >= period;
    }

    @Override
    public int warmupPeriod() {
        return 2 * period;
    }

    @Override
    public void reset() {
        dm.reset();
        dxCount = 0;
        dxSum = 0;
        adx = Double.NaN;
        plusDi = Double.NaN;
        minusDi = Double.NaN;
    }

    @Override
    public String name() {
        return "ADX(" + period + ")";
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
            case 0 -> adx;
            case 1 -> plusDi;
            case 2 -> minusDi;
            default -> throw Outputs.invalid(index, OUTPUTS.length);
        };
    }
}
