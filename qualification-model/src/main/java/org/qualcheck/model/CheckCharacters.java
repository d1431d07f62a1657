package org.qualcheck.model;

/**
 * Check characters of unit reference numbers and qualification numbers.
 *
 * <p>Both use the weighted sum {@code 8*d1 + 7*d2 + ... + 2*d7} over their seven digits. A unit
 * reference number's letter is {@code "ADFHJKLMRTY"[sum mod 11]}; a qualification number's check
 * character is {@code sum mod 11}, written {@code X} for 10.
 */
public final class CheckCharacters {
  private static final String URN_LETTERS = "ADFHJKLMRTY";

  private CheckCharacters() {}

  static int weightedSum(String sevenDigits) {
    int sum = 0;
    for (int i = 0; i < 7; i++) {
      sum += (8 - i) * (sevenDigits.charAt(i) - '0');
    }
    return sum;
  }

  /**
   * {@return the check letter a unit reference number with these seven digits must carry}
   *
   * @param sevenDigits the seven digits of the unit reference number, without letter or slashes
   */
  public static char unitReferenceLetter(String sevenDigits) {
    return URN_LETTERS.charAt(weightedSum(sevenDigits) % 11);
  }

  /**
   * {@return the check character a qualification number with these seven digits must carry}
   *
   * @param sevenDigits the seven digits of the qualification number, without its check character
   */
  public static char qualificationCheck(String sevenDigits) {
    int r = weightedSum(sevenDigits) % 11;
    return r == 10 ? 'X' : (char) ('0' + r);
  }
}
