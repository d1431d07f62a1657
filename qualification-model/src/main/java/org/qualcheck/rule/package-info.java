/**
 * The rule language: all-of, total, cap, choose, barred and equivalent rules, with their scopes, bounds
 * and unit filters (level, attributes).
 */
package org.qualcheck.rule;
