#include "core/table_export.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace laurel::core {
namespace {

// Code points, not bytes: column widths and Excel's 31-character sheet names count characters.
std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string cut_to_characters(std::string_view text, std::size_t most) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((text[i] & 0xC0) != 0x80 && seen++ == most) return std::string(text.substr(0, i));
  }
  return std::string(text);
}

bool looks_like_formula(std::string_view text) {
  return !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                           text[0] == '\t' || text[0] == '\r');
}

std::string csv_field(std::string text) {
  if (looks_like_formula(text)) text.insert(0, "'");
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string cell_text(const TableCell& cell) {
  struct {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(std::int64_t n) const { return std::to_string(n); }
    std::string operator()(const DecimalText& d) const { return d.text; }
  } visit;
  return std::visit(visit, cell);
}

// Whether Excel can hold the decimal as a number and show it back digit for digit.
bool fits_a_double(std::string_view text) {
  std::size_t digits = 0;
  bool leading = true;
  for (char c : text) {
    if (c < '0' || c > '9') continue;
    if (leading && c == '0') continue;
    leading = false;
    ++digits;
  }
  return digits <= 15;
}

std::size_t decimals_of(std::string_view text) {
  const auto dot = text.find('.');
  return dot == std::string_view::npos ? 0 : text.size() - dot - 1;
}

// Excel forbids []:*?/\ in sheet names and more than 31 characters.
std::string sheet_name(std::string_view title) {
  std::string name;
  for (char c : title)
    name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : ' ';
  while (!name.empty() && (name.front() == '\'' || name.front() == ' '))
    name.erase(0, 1);
  name = cut_to_characters(name, 31);
  while (!name.empty() && (name.back() == '\'' || name.back() == ' '))
    name.pop_back();
  return name.empty() ? "Sheet1" : name;
}

struct TemporaryFile {
  std::filesystem::path path;
  ~TemporaryFile() {
    std::error_code ignored;
    if (!path.empty()) std::filesystem::remove(path, ignored);
  }
};

}  // namespace

std::string to_csv(const ExportTable& table) {
  std::string out = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    if (i) out += ',';
    out += csv_field(table.header[i]);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      // Figures are written as they are: a negative amount stays a number ("-12.50").
      out += std::holds_alternative<std::string>(row[i]) ? csv_field(cell_text(row[i]))
                                                         : cell_text(row[i]);
    }
    out += "\r\n";
  }
  return out;
}

Result<std::string> to_xlsx(const ExportTable& table) {
  TemporaryFile file;
  {
    auto pattern = (std::filesystem::temp_directory_path() / "laurel-export-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) return Error::invalid("file", "could not create a temporary file for the XLSX");
    ::close(fd);
    file.path = pattern;
  }
  lxw_workbook* book = workbook_new(file.path.c_str());
  if (!book) return Error::invalid("file", "could not start the XLSX workbook");
  lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name(table.title).c_str());
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  std::map<std::size_t, lxw_format*> number_formats;  // by decimals shown
  const auto number_format = [&](std::size_t decimals) {
    auto& format = number_formats[decimals];
    if (!format) {
      format = workbook_add_format(book);
      const auto pattern = decimals ? "#,##0." + std::string(decimals, '0') : std::string("#,##0");
      format_set_num_format(format, pattern.c_str());
    }
    return format;
  };

  std::vector<std::size_t> widths(table.header.size(), 8);
  const auto widen = [&widths](std::size_t column, std::string_view text) {
    if (column >= widths.size()) widths.resize(column + 1, 8);
    // CJK characters take two columns' width.
    widths[column] = std::max(widths[column], std::min<std::size_t>(40, characters(text) * 2 + 2));
  };
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.header[c].c_str(), bold);
    widen(c, table.header[c]);
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const auto& cell = table.rows[r][c];
      if (const auto* text = std::get_if<std::string>(&cell)) {
        worksheet_write_string(sheet, row, col, text->c_str(), nullptr);
        widen(c, *text);
      } else if (const auto* count = std::get_if<std::int64_t>(&cell)) {
        worksheet_write_number(sheet, row, col, static_cast<double>(*count), nullptr);
        widen(c, std::to_string(*count));
      } else if (const auto* decimal = std::get_if<DecimalText>(&cell)) {
        if (fits_a_double(decimal->text)) {
          worksheet_write_number(sheet, row, col, std::stod(decimal->text),
                                 number_format(decimals_of(decimal->text)));
        } else {
          worksheet_write_string(sheet, row, col, decimal->text.c_str(), nullptr);
        }
        widen(c, decimal->text);
      }
    }
  }
  for (std::size_t c = 0; c < widths.size(); ++c) {
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(widths[c]), nullptr);
  }
  worksheet_freeze_panes(sheet, 1, 0);  // the header stays on screen while scrolling
  if (workbook_close(book) != LXW_NO_ERROR) {
    return Error::invalid("file", "could not write the XLSX workbook");
  }
  std::ifstream in(file.path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace laurel::core
