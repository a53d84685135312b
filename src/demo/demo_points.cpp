// The demo company's points rules, effective from the first day of its year, so every person
// has points, journals and reasons to look at; and its badge rules (milestones and streaks). The
// demo's people log their visits at the end of the week (demo_year.cpp), so its visit rules allow 7
// days' grace rather than the default 3: a company that logs weekly would set them so too.

#include <boost/json/serialize.hpp>

#include "core/timestamp.hpp"
#include "demo/demo_world.hpp"

namespace laurel::demo {

void build_points(World& w) {
  namespace json = boost::json;
  const auto from = core::format_rfc3339(w.local(w.first_day, 0));
  std::vector<json::object> rules{
      {{"name", "拜访客户"},
       {"event", "visit_logged"},
       {"visit_kinds", json::array{"visit", "meeting", "roadshow"}},
       {"points", 10},
       {"once_per_client_per_day", true},
       {"daily_cap", 40},
       {"grace_days", 7}},
      {{"name", "电话沟通"},
       {"event", "visit_logged"},
       {"visit_kinds", json::array{"call", "online"}},
       {"points", 3},
       {"once_per_client_per_day", true},
       {"daily_cap", 15},
       {"grace_days", 7}},
      {{"name", "见到关键人"},
       {"event", "key_person_met"},
       {"points", 20},
       {"weekly_cap", 200},
       {"grace_days", 7}},
      {{"name", "见到决策人"},
       {"event", "decision_maker_reached"},
       {"points", 30},
       {"weekly_cap", 300},
       {"grace_days", 7},
       {"budget", json::object{{"period", "month"}, {"points", 30000}}}},
      {{"name", "认申购积分"},
       {"event", "subscription"},
       {"curve", json::array{json::object{{"amount", "1000000.00"}, {"points", 10}},
                             json::object{{"amount", "10000000.00"}, {"points", 50}},
                             json::object{{"amount", "100000000.00"}, {"points", 200}}}},
       {"max_points", 300},
       {"daily_cap", 600},
       {"budget", json::object{{"period", "quarter"}, {"points", 500000}}}},
      {{"name", "按时跟进"}, {"event", "follow_up_done"}, {"points", 5}, {"daily_cap", 20}},
      {{"name", "初次使用"}, {"event", "first_use"}, {"points", 20}},
  };
  for (auto& r : rules) {
    r["effective_from"] = from;
    auto input = must(crm::read_point_rule_input(json::serialize(r)), "points rule");
    must(w.services.point_rules.create(std::move(input), w.system), "points rule");
  }
  std::vector<json::object> badges{
      {{"name", "百次拜访"},
       {"description", "第一百次按时记录的拜访"},
       {"kind", "milestone"},
       {"event", "visit_logged"},
       {"count", 100}},
      {{"name", "关键人五十见"},
       {"description", "第五十次有客户关键人参加的拜访"},
       {"kind", "milestone"},
       {"event", "key_person_met"},
       {"count", 50}},
      {{"name", "决策人十见"},
       {"kind", "milestone"},
       {"event", "decision_maker_reached"},
       {"count", 10}},
      {{"name", "五日连访"},
       {"description", "连续五个工作日都有拜访"},
       {"kind", "streak"},
       {"event", "visit_logged"},
       {"count", 5}},
      {{"name", "十日连访"}, {"kind", "streak"}, {"event", "visit_logged"}, {"count", 10}},
  };
  for (auto& b : badges) {
    b["grace_days"] = 7;
    auto input = must(crm::read_badge_rule_input(json::serialize(b)), "badge rule");
    must(w.services.badges.create(std::move(input), w.system), "badge rule");
  }
}

}  // namespace laurel::demo
