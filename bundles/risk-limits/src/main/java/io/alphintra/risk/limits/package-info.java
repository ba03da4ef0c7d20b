/**
 * The node's pre-trade risk limits as operators and the HTTP API manage them: the limits in force per scope, changes
 * recorded with who made them, and the credit each account, trader and strategy has left.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.alphintra.risk.limits;
