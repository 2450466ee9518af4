/** Virtual wards: pathways, bed capacity, operating hours, out-of-hours contact and admission criteria. */
package org.homeward.ward;
