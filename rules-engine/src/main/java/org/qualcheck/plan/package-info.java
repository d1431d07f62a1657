/**
 * Planning: the cheapest completion of a partial plan, the smallest repair, what each single change
 * would do, and the rules that conflict when nothing works.
 */
package org.qualcheck.plan;
