/**
 * Implementation helpers of the SDK bundle. Not exported: plugins cannot see or depend on these classes, so they
 * may change in any release.
 */
package io.alphintra.sdk.internal;
