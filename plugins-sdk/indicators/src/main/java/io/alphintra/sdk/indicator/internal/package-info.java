/** Ring buffers and rolling statistics behind the indicators. Not exported: may change in any release. */
package io.alphintra.sdk.indicator.internal;
