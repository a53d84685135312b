#include "core/xlsx.hpp"

#include <zip.h>

#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>

namespace laurel::core {
namespace {

Error bad_file(const std::string& why) {
  return Error::invalid("file", "is not a readable XLSX workbook: " + why);
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Archive = std::unique_ptr<zip_t, ZipCloser>;

// One part of the workbook, or nullopt when it is absent (a workbook without shared strings).
Result<std::optional<std::string>> part(zip_t* archive, const char* name) {
  zip_stat_t stat;
  if (zip_stat(archive, name, 0, &stat) != 0) return std::optional<std::string>();
  if (stat.size > 256u * 1024 * 1024) return bad_file(std::string(name) + " is too large");
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen(archive, name, 0), zip_fclose);
  if (!file) return bad_file(std::string("cannot open ") + name);
  std::string content(stat.size, '\0');
  if (zip_fread(file.get(), content.data(), stat.size) != static_cast<zip_int64_t>(stat.size)) {
    return bad_file(std::string("cannot read ") + name);
  }
  return std::optional<std::string>(std::move(content));
}

// The text of a shared or inline string item: its <t>, or the <t> of each rich-text run.
std::string item_text(const pugi::xml_node& item) {
  if (auto t = item.child("t")) return t.text().get();
  std::string text;
  for (auto run : item.children("r"))
    text += run.child("t").text().get();
  return text;
}

// "C12" -> column index 2 (A = 0).
std::size_t column_of(std::string_view ref) {
  std::size_t column = 0;
  for (char ch : ref) {
    if (ch < 'A' || ch > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(ch - 'A' + 1);
  }
  return column == 0 ? 0 : column - 1;
}

// The path of the first worksheet, from the workbook's relationships (usually
// xl/worksheets/sheet1.xml, but not for workbooks whose first sheet was added later).
Result<std::string> first_sheet(zip_t* archive) {
  auto workbook = part(archive, "xl/workbook.xml");
  if (!workbook) return workbook.error();
  auto rels = part(archive, "xl/_rels/workbook.xml.rels");
  if (!rels) return rels.error();
  if (!*workbook || !*rels) return std::string("xl/worksheets/sheet1.xml");
  pugi::xml_document book, relations;
  if (!book.load_string(workbook->value().c_str()) ||
      !relations.load_string(rels->value().c_str())) {
    return bad_file("xl/workbook.xml is not XML");
  }
  const auto sheet = book.child("workbook").child("sheets").child("sheet");
  const std::string id = sheet.attribute("r:id").value();
  for (auto rel : relations.child("Relationships").children("Relationship")) {
    if (id == rel.attribute("Id").value()) {
      std::string target = rel.attribute("Target").value();
      if (!target.empty() && target.front() == '/') return target.substr(1);
      return "xl/" + target;
    }
  }
  return std::string("xl/worksheets/sheet1.xml");
}

}  // namespace

bool looks_like_xlsx(std::string_view bytes) {
  return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

Result<std::vector<CsvRecord>> read_xlsx(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) return bad_file("cannot read the zip");
  Archive archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!archive) {
    zip_source_free(source);
    return bad_file("not a zip file");
  }
  std::vector<std::string> shared;
  auto strings = part(archive.get(), "xl/sharedStrings.xml");
  if (!strings) return strings.error();
  if (*strings) {
    pugi::xml_document doc;
    if (!doc.load_string(strings->value().c_str())) return bad_file("sharedStrings.xml is not XML");
    for (auto si : doc.child("sst").children("si"))
      shared.push_back(item_text(si));
  }
  auto sheet_path = first_sheet(archive.get());
  if (!sheet_path) return sheet_path.error();
  auto sheet = part(archive.get(), sheet_path->c_str());
  if (!sheet) return sheet.error();
  if (!*sheet) return bad_file("it has no worksheet");
  pugi::xml_document doc;
  if (!doc.load_string(sheet->value().c_str())) return bad_file("the worksheet is not XML");

  std::vector<CsvRecord> rows;
  std::size_t next_row = 1;
  for (auto row : doc.child("worksheet").child("sheetData").children("row")) {
    CsvRecord record;
    record.line = row.attribute("r").as_ullong(next_row);
    next_row = record.line + 1;
    bool any = false;
    for (auto cell : row.children("c")) {
      const std::string_view ref = cell.attribute("r").value();
      const auto column = ref.empty() ? record.fields.size() : column_of(ref);
      const std::string_view type = cell.attribute("t").value();
      std::string value;
      if (type == "s") {
        const auto index = cell.child("v").text().as_ullong(shared.size());
        if (index >= shared.size()) return bad_file("a cell points to a missing shared string");
        value = shared[index];
      } else if (type == "inlineStr") {
        value = item_text(cell.child("is"));
      } else {
        value = cell.child("v").text().get();
      }
      if (column >= 16384) return bad_file("a cell lies beyond column XFD");
      if (record.fields.size() <= column) record.fields.resize(column + 1);
      any = any || !value.empty();
      record.fields[column] = std::move(value);
    }
    if (any) rows.push_back(std::move(record));
  }
  return rows;
}

Result<std::vector<CsvRecord>> read_table(std::string_view bytes) {
  if (looks_like_xlsx(bytes)) return read_xlsx(bytes);
  auto text = decode_text(bytes);
  if (!text) return text.error();
  return parse_csv(text->utf8);
}

}  // namespace laurel::core
