/**
 * Exact counts of the plans that meet a qualification's rules, by dynamic programming, and listings
 * of them.
 */
package org.qualcheck.count;
