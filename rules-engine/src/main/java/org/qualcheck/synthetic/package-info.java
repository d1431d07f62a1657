/**
 * Random qualification structures from a seed, for property tests and benchmarks; not exported from
 * the module.
 */
package org.qualcheck.synthetic;
