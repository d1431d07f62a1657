/**
 * Reading a qualification from a YAML spec, strictly, with every problem reported at its file, line
 * and column.
 */
package org.qualcheck.spec;
