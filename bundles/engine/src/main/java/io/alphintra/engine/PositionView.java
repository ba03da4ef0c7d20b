package io.alphintra.engine;

import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.portfolio.Position;
import java.util.Optional;

/**
 * A position with its profit and loss as the engine books them.
 *
 * @param position      the position, average open price kept exactly
 * @param unrealizedPnl marked to the latest trade price; empty while the instrument has not traded since start
 */
public record PositionView(Position position, Optional<Money> unrealizedPnl) {
}
