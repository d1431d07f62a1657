/**
 * Findings for qualification designers: whether any plan meets the rules, units no such plan can
 * hold, rules implied by the others, maxima evaded by counting units in another group, and
 * transcribed figures that disagree, each proved by a plan
 * or by a set of rules.
 */
package org.qualcheck.lint;
