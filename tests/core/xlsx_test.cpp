// XLSX workbooks written by libxlsxwriter (as Excel would) and read back.

#include "core/xlsx.hpp"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace laurel::core {
namespace {

class XlsxTest : public ::testing::Test {
 protected:
  std::string write(void (*fill)(lxw_worksheet*)) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("laurel-xlsx-" + std::to_string(::getpid()) + ".xlsx");
    lxw_workbook* book = workbook_new(path.c_str());
    fill(workbook_add_worksheet(book, nullptr));
    EXPECT_EQ(workbook_close(book), LXW_NO_ERROR);
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::filesystem::remove(path);
    return bytes.str();
  }
};

TEST_F(XlsxTest, ReadsTextNumbersAndGapsOfTheFirstSheet) {
  const auto bytes = write([](lxw_worksheet* sheet) {
    worksheet_write_string(sheet, 0, 0, "名称", nullptr);
    worksheet_write_string(sheet, 0, 1, "统一社会信用代码", nullptr);
    worksheet_write_string(sheet, 0, 3, "phone", nullptr);
    worksheet_write_string(sheet, 1, 0, "招商银行股份有限公司", nullptr);
    worksheet_write_string(sheet, 1, 1, "9144030010001686XA", nullptr);
    worksheet_write_number(sheet, 1, 3, 13812345678, nullptr);
    worksheet_write_string(sheet, 3, 0, "第三行之后", nullptr);  // row 3 left empty
  });
  ASSERT_TRUE(looks_like_xlsx(bytes));
  auto rows = read_table(bytes);
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].fields, (std::vector<std::string>{"名称", "统一社会信用代码", "", "phone"}));
  EXPECT_EQ((*rows)[1].fields[0], "招商银行股份有限公司");
  EXPECT_EQ((*rows)[1].fields[3], "13812345678") << "a number as Excel wrote it";
  EXPECT_EQ((*rows)[2].line, 4u) << "the sheet's own row number, for errors";
}

TEST_F(XlsxTest, CsvAndBrokenFilesAreToldApart) {
  auto csv = read_table("name,type\n招商,bank\n");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->size(), 2u);
  const char broken_zip[] = "PK\x03\x04 not really a zip";
  auto broken = read_table(std::string(broken_zip, sizeof broken_zip - 1));
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().field, "file");
}

}  // namespace
}  // namespace laurel::core
