package io.alphintra.simexchange.internal.matching;

import static io.alphintra.simexchange.internal.matching.Side.BUY;
import static io.alphintra.simexchange.internal.matching.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarketDataTest extends BookTestSupport {

    @Test
    void depthCopiesTheBestLevelsOfEachSideBestFirst() {
        buy(1, 990, 10);
        buy(2, 1000, 20);
        buy(3, 1000, 30);
        buy(4, 980, 40);
        sell(5, 1010, 50);
        DepthSnapshot depth = new DepthSnapshot(2);

        book.depth(depth);

        assertThat(depth.levels(BUY)).isEqualTo(2);
        assertThat(new long[] {depth.price(BUY, 0), depth.quantity(BUY, 0), depth.orderCount(BUY, 0)})
                .containsExactly(1000, 50, 2);
        assertThat(new long[] {depth.price(BUY, 1), depth.quantity(BUY, 1), depth.orderCount(BUY, 1)})
                .containsExactly(990, 10, 1);
        assertThat(depth.levels(SELL)).isEqualTo(1);
        assertThat(depth.price(SELL, 0)).isEqualTo(1010);
        assertThatThrownBy(() -> depth.price(SELL, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void depthIsRefilledFromTheCurrentBook() {
        buy(1, 1000, 20);
        DepthSnapshot depth = new DepthSnapshot(5);
        book.depth(depth);

        book.cancel(1);
        book.depth(depth);

        assertThat(depth.levels(BUY)).isZero();
    }

    @Test
    void topOfBookIsPublishedOnlyWhenItChanges() {
        buy(1, 1000, 20);
        buy(2, 990, 20);
        book.cancel(2);
        buy(3, 1000, 10);

        assertThat(events.ofKind("TOP")).containsExactly("TOP 20@1000 0@0", "TOP 30@1000 0@0");
    }
}
