package io.alphintra.sdk.indicator.internal;

/**
 * Means, variances and covariance of the last {@code period} pairs in O(1): windowed Welford updates (add the new
 * pair, remove the evicted one), recomputed exactly once per {@code period} updates so that rounding cannot
 * accumulate.
 */
public final class RollingCovariance {

    private final DoubleRing xs;
    private final DoubleRing ys;
    private double meanX;
    private double meanY;
    private double sxx;
    private double syy;
    private double sxy;

    public RollingCovariance(int period) {
        xs = new DoubleRing(period);
        ys = new DoubleRing(period);
    }

    public void add(double x, double y) {
        double oldX = xs.push(x);
        double oldY = ys.push(y);
        if (xs.isFull() && xs.atWrapPoint()) {
            recompute();
        } else if (Double.isNaN(oldX)) {
            int n = xs.size();
            double dx = x - meanX;
            double dy = y - meanY;
            meanX += dx / n;
            meanY += dy / n;
            sxx += dx * (x - meanX);
            syy += dy * (y - meanY);
            sxy += dx * (y - meanY);
        } else {
            int n = xs.size();
            double previousMeanX = meanX;
            double previousMeanY = meanY;
            meanX += (x - oldX) / n;
            meanY += (y - oldY) / n;
            // Replacing (oldX, oldY) by (x, y): the co-moment changes by these two products.
            sxx += (x - oldX) * (x - meanX + oldX - previousMeanX);
            syy += (y - oldY) * (y - meanY + oldY - previousMeanY);
            sxy += (x - previousMeanX) * (y - meanY) - (oldX - previousMeanX) * (oldY - meanY);
            sxx = Math.max(sxx, 0.0);
            syy = Math.max(syy, 0.0);
        }
    }

    private void recompute() {
        int n = xs.size();
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < n; i++) {
            sumX += xs.get(i);
            sumY += ys.get(i);
        }
        double mx = sumX / n;
        double my = sumY / n;
        double cxx = 0;
        double cyy = 0;
        double cxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = xs.get(i) - mx;
            double dy = ys.get(i) - my;
            cxx += dx * dx;
            cyy += dy * dy;
            cxy += dx * dy;
        }
        meanX = mx;
        meanY = my;
        sxx = cxx;
        syy = cyy;
        sxy = cxy;
    }

    /** Sum of squared deviations of x from its mean (n times the population variance). */
    public double sxx() {
        return sxx;
    }

    public double syy() {
        return syy;
    }

    /** Sum of products of deviations (n times the population covariance). */
    public double sxy() {
        return sxy;
    }

    public boolean isFull() {
        return xs.isFull();
    }

    public void clear() {
        xs.clear();
        ys.clear();
        meanX = 0;
        meanY = 0;
        sxx = 0;
        syy = 0;
        sxy = 0;
    }
}
