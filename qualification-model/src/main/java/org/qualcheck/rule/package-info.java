/**
 * The rule language: all-of, total, choose, barred and equivalent rules, with their scopes, bounds
 * and level filters.
 */
package org.qualcheck.rule;
