/**
 * Checking a plan against a qualification's rules: the verdict and, for every rule, what it asks
 * and how the plan fares.
 */
package org.qualcheck.check;
