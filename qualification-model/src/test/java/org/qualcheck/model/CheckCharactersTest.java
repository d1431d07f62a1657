package org.qualcheck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Check letters of unit reference numbers and check characters of qualification numbers. */
class CheckCharactersTest {
  /**
   * Published unit reference numbers outside the 03455 tables, whose blocks between them pin down
   * all seven weights. From the project's reference notes on rules of combination, gathered from
   * public awarding-body and regulator material.
   */
  static final List<String> OTHER_URNS =
      List.of(
          "J/617/2480", "F/617/2428", "H/617/2423", "J/617/2429", "A/617/2430", "A/616/8832",
          "F/616/8833", "J/616/8834", "L/616/8835", "R/616/8836", "Y/616/8837", "L/507/6467",
          "F/502/4625");

  /**
   * The 49 unit accreditation numbers of the OCR Level 2 NVQ Certificate in Customer Service
   * (03455) Student Guide, Skills for Business, (c) OCR 2011, in table order.
   */
  static final List<String> URNS_03455 =
      List.of(
          "F/601/1609", "L/601/1614", "R/601/1209", "L/601/1211", "R/601/1212", "L/601/0933",
          "D/601/0936", "H/601/1215", "M/601/1217", "T/601/1218", "M/601/1220", "T/601/1221",
          "F/601/1223", "J/601/1224", "R/601/1226", "D/601/1228", "D/601/1231", "K/601/1233",
          "A/601/1205", "J/601/1210", "Y/601/1213", "K/601/1216", "A/601/1219", "A/601/1222",
          "L/601/1225", "Y/601/1227", "H/601/1229", "Y/601/1230", "H/601/1232", "M/601/1508",
          "T/601/1509", "M/601/1511", "T/601/1512", "J/601/1515", "D/601/1519", "D/601/1522",
          "T/601/1526", "A/601/1530", "R/601/1534", "H/601/1540", "M/601/1542", "R/601/1548",
          "Y/601/1549", "D/601/1553", "H/601/1554", "K/601/1555", "H/601/1568", "H/601/1571",
          "T/601/1574");

  /** Published qualification numbers, from the same reference notes. */
  static final List<String> QANS =
      List.of(
          "100/6105/8", "500/7441/6", "500/6775/8", "500/9909/7", "500/9572/9", "500/9294/7", "500/9293/5",
          "500/9487/7", "500/9300/9", "500/9299/6", "500/9301/0", "500/9302/2", "501/2055/4", "501/2062/1",
          "501/1844/4", "600/4724/0", "600/4738/0", "600/3535/3", "600/9933/1", "600/9935/5", "600/9934/3",
          "601/0343/7", "601/3973/0", "601/3562/1", "601/3564/5", "601/3540/2", "601/4419/1", "601/3734/4",
          "601/4026/4", "601/3689/3", "601/3456/2", "601/3424/0", "601/6727/0", "603/2394/2", "601/3544/X",
          "601/5021/X", "601/6718/X", "603/2949/X");

  @ParameterizedTest
  @FieldSource({"OTHER_URNS", "URNS_03455"})
  void publishedUnitReferenceNumbersHaveValidCheckLetters(String urn) {
    UnitReference r = new UnitReference(urn);
    assertThat(r.hasValidCheck()).isTrue();
    assertThat(r.expectedCheckLetter()).isEqualTo(urn.charAt(0));
  }

  @ParameterizedTest
  @FieldSource("QANS")
  void publishedQualificationNumbersHaveValidCheckCharacters(String qan) {
    QualificationNumber n = new QualificationNumber(qan);
    assertThat(n.hasValidCheck()).isTrue();
    assertThat(n.expectedCheckCharacter()).isEqualTo(qan.charAt(qan.length() - 1));
  }

  @Test
  void theListsAreComplete() {
    assertThat(OTHER_URNS).hasSize(13).doesNotHaveDuplicates();
    assertThat(URNS_03455).hasSize(49).doesNotHaveDuplicates();
    assertThat(QANS).hasSize(38).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @FieldSource({"OTHER_URNS", "URNS_03455"})
  void anyOtherCheckLetterIsInvalid(String urn) {
    for (char letter = 'A'; letter <= 'Z'; letter++) {
      UnitReference altered = new UnitReference(letter + urn.substring(1));
      assertThat(altered.hasValidCheck()).as("%s", altered).isEqualTo(letter == urn.charAt(0));
    }
  }

  @ParameterizedTest
  @FieldSource("QANS")
  void anyOtherCheckCharacterIsInvalid(String qan) {
    for (char c : "0123456789X".toCharArray()) {
      QualificationNumber altered = new QualificationNumber(qan.substring(0, qan.length() - 1) + c);
      assertThat(altered.hasValidCheck()).as("%s", altered).isEqualTo(c == qan.charAt(qan.length() - 1));
    }
  }

  @Test
  void aChangedDigitIsCaught() {
    assertThat(new UnitReference("F/601/1609").hasValidCheck()).isTrue();
    assertThat(new UnitReference("F/601/1608").hasValidCheck()).isFalse();
    assertThat(new QualificationNumber("601/5021/X").hasValidCheck()).isTrue();
    assertThat(new QualificationNumber("601/5012/X").hasValidCheck()).isFalse();
  }

  @Test
  void checkCharactersFollowTheWeightedSum() {
    // 6*8 + 0*7 + 1*6 + 1*5 + 6*4 + 0*3 + 9*2 = 101; 101 mod 11 = 2 -> "ADFHJKLMRTY"[2] = F
    assertThat(CheckCharacters.unitReferenceLetter("6011609")).isEqualTo('F');
    // 6*8 + 0*7 + 1*6 + 5*5 + 0*4 + 2*3 + 1*2 = 87; 87 mod 11 = 10 -> X
    assertThat(CheckCharacters.qualificationCheck("6015021")).isEqualTo('X');
    assertThat(CheckCharacters.qualificationCheck("0000000")).isEqualTo('0');
  }
}
