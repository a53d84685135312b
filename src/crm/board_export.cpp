#include "crm/board_export.hpp"

#include <cstdio>

#include "core/timestamp.hpp"

namespace laurel::crm {

namespace json = boost::json;

namespace {

struct Words {
  const char* rank;
  const char* person;
  const char* department;
  const char* id;
  const char* figure;
  const char* achieved;
  const char* target;
  const char* percent;
  const char* reached_at;
  const char* yuan;
  const char* no_target;
  const char* frozen_at;
};

constexpr Words kChinese{"名次", "姓名",        "部门",     "编号",   "成绩",   "达成",
                         "目标", "达成率（%）", "达成时间", "（元）", "无目标", "冻结于"};
constexpr Words kEnglish{"Rank",       "Name",     "Department", "ID",
                         "Figure",     "Achieved", "Target",     "Achievement (%)",
                         "Reached at", " (yuan)",  "no target",  "frozen at"};

const Words& words(Language language) {
  return language == Language::en ? kEnglish : kChinese;
}

// Rows are Laurel's own, but a snapshot's were written by an older definition of the board
// (since renamed, made a ratio, ...): a member it lacks is an empty cell, not an exception.
const json::value& member(const json::object& row, std::string_view key) {
  static const json::value none;
  const auto* found = row.if_contains(key);
  return found ? *found : none;
}

// Amounts come as yuan strings ("12345.60"), counts as integers.
core::TableCell figure_cell(const json::value& value) {
  if (value.is_string()) return core::DecimalText{std::string(value.as_string())};
  if (value.is_int64()) return value.as_int64();
  return std::monostate{};
}

core::TableCell text_cell(const json::value& value) {
  if (value.is_string()) return std::string(value.as_string());
  return std::monostate{};
}

}  // namespace

core::ExportTable board_table(const BoardExport& in, core::CompanyZone zone) {
  const auto& w = words(in.language);
  const auto& definition = in.board.input.definition;
  const bool ratio = definition.denominator_metric_id.has_value();
  const bool first_to_reach = definition.policy == engine::TiePolicy::first_to_reach;
  const auto money = [&w](std::string head, bool amounts) {
    return amounts ? head + w.yuan : head;
  };

  core::ExportTable table;
  table.title = in.board.input.name + " " + period_words(in.period, in.language);
  if (in.frozen_at)
    table.title += std::string(" ") + w.frozen_at + " " + zone.format_local_time(*in.frozen_at);
  table.header = {w.rank, in.board.subject == engine::SubjectKind::staff ? w.person : w.department,
                  w.id};
  if (ratio) {
    table.header.push_back(money(w.achieved, in.board.amounts));
    table.header.push_back(money(w.target, in.board.denominator_amounts));
    table.header.push_back(w.percent);
  } else {
    table.header.push_back(money(w.figure, in.board.amounts));
  }
  if (first_to_reach) table.header.push_back(w.reached_at);

  for (const auto& item : in.rows) {
    if (!item.is_object()) continue;
    const auto& row = item.as_object();
    std::vector<core::TableCell> cells{
        figure_cell(member(row, "rank")), text_cell(member(row, "name")),
        figure_cell(member(row, "subject_id")), figure_cell(member(row, "value"))};
    if (ratio) {
      if (member(row, "no_target") == true) {
        cells.push_back(std::string(w.no_target));
        cells.push_back(std::monostate{});
      } else {
        cells.push_back(figure_cell(member(row, "target")));
        const auto& percent = member(row, "percent");
        if (percent.is_number()) {
          char text[32];
          std::snprintf(text, sizeof text, "%.1f", percent.to_number<double>());
          cells.push_back(core::DecimalText{text});
        } else {
          cells.push_back(std::monostate{});
        }
      }
    }
    if (first_to_reach) {
      const auto& reached = member(row, "reached_at");
      const auto at = reached.is_string() ? core::parse_rfc3339(reached.as_string()) : std::nullopt;
      cells.push_back(at ? core::TableCell(zone.format_local_time(*at)) : std::monostate{});
    }
    table.rows.push_back(std::move(cells));
  }
  return table;
}

std::string export_file_name(std::string_view what, std::int64_t id, core::Period period,
                             std::string_view extension) {
  return std::string(what) + "-" + std::to_string(id) + "-" + core::format_period(period) + "." +
         std::string(extension);
}

}  // namespace laurel::crm
