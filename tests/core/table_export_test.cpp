// Exports as a manager opens them: CSV that Excel reads as UTF-8, XLSX whose figures are exact
// numbers — read back with Laurel's own XLSX reader and, for the number cells, from the sheet's
// XML.

#include "core/table_export.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include "core/xlsx.hpp"

namespace laurel::core {
namespace {

ExportTable board() {
  return {"九月认购榜 [final]",
          {"名次", "姓名", "认购额（元）"},
          {{std::int64_t{1}, std::string("王芳"), DecimalText{"12345678.90"}},
           {std::int64_t{2}, std::string("=HYPERLINK(\"x\")"), DecimalText{"-12.50"}},
           {std::int64_t{3}, std::string("Li, \"Lei\""), DecimalText{"1234567890123456.78"}},
           {std::int64_t{4}, std::monostate{}, DecimalText{"0.00"}}}};
}

// The XML of the first sheet inside the workbook.
std::string sheet_xml(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  EXPECT_NE(archive, nullptr);
  zip_file_t* file = zip_fopen(archive, "xl/worksheets/sheet1.xml", 0);
  EXPECT_NE(file, nullptr);
  std::string xml;
  char buffer[4096];
  for (zip_int64_t n; (n = zip_fread(file, buffer, sizeof buffer)) > 0;)
    xml.append(buffer, n);
  zip_fclose(file);
  zip_close(archive);
  return xml;
}

TEST(TableExportTest, CsvIsUtf8WithAMarkQuotedAndSafeFromFormulas) {
  const auto csv = to_csv(board());
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF") << "Excel opens Chinese names only with a BOM";
  EXPECT_EQ(csv.substr(3),
            "名次,姓名,认购额（元）\r\n"
            "1,王芳,12345678.90\r\n"
            "2,\"'=HYPERLINK(\"\"x\"\")\",-12.50\r\n"
            "3,\"Li, \"\"Lei\"\"\",1234567890123456.78\r\n"
            "4,,0.00\r\n");
  auto back = read_table(csv);
  ASSERT_TRUE(back) << back.error().message;
  ASSERT_EQ(back->size(), 5u);
  EXPECT_EQ((*back)[3].fields[1], "Li, \"Lei\"");
}

TEST(TableExportTest, XlsxKeepsTextNumbersAndExactAmounts) {
  auto xlsx = to_xlsx(board());
  ASSERT_TRUE(xlsx) << xlsx.error().message;
  ASSERT_TRUE(looks_like_xlsx(*xlsx));
  auto rows = read_xlsx(*xlsx);
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 5u);
  EXPECT_EQ((*rows)[0].fields, (std::vector<std::string>{"名次", "姓名", "认购额（元）"}));
  EXPECT_EQ((*rows)[1].fields[1], "王芳");
  EXPECT_EQ((*rows)[2].fields[1], "=HYPERLINK(\"x\")") << "a text cell, not a formula";
  EXPECT_EQ((*rows)[3].fields[2], "1234567890123456.78")
      << "18 digits do not fit a double: kept as text, not rounded";
  const auto xml = sheet_xml(*xlsx);
  EXPECT_NE(xml.find("<v>12345678.9</v>"), std::string::npos) << "an amount is a number cell";
  EXPECT_NE(xml.find("<v>-12.5</v>"), std::string::npos);
  EXPECT_EQ(xml.find("<f>"), std::string::npos) << "no formulas";
  EXPECT_NE(xml.find("ySplit=\"1\""), std::string::npos) << "the header row is frozen";
}

TEST(TableExportTest, SheetNamesLoseWhatExcelForbids) {
  auto table = board();
  table.title = std::string(40, 'x') + "/[]";
  auto xlsx = to_xlsx(table);
  ASSERT_TRUE(xlsx) << xlsx.error().message;
  EXPECT_TRUE(read_xlsx(*xlsx)) << "a 40-character title with / [ ] still makes a workbook";
}

}  // namespace
}  // namespace laurel::core
