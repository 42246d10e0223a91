package com.omniops.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldsWithSeparatorsQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
        assertThat(Csv.row("plain", "a,b", "say \"hi\"", "two\nlines", null, 7))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,7\n");
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsDefusedButNumbersStayNumbers() {
        assertThat(Csv.row("=HYPERLINK(\"http://x\")", "+1", "-SKU", "@sum", new BigDecimal("-5.00"), -3))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-SKU,'@sum,-5.00,-3\n");
    }
}
