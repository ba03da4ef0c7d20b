/** Private to the test kit. */
package io.alphintra.sdk.testkit.internal;
