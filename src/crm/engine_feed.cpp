#include "crm/engine_feed.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <charconv>

#include "core/money.hpp"
#include "core/timestamp.hpp"
#include "crm/badge_rule.hpp"
#include "crm/board_json.hpp"
#include "crm/challenge.hpp"
#include "crm/flag_set.hpp"
#include "crm/metric_json.hpp"
#include "crm/point_rule.hpp"
#include "crm/target_service.hpp"
#include "crm/visit_service.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;

struct Unreadable {};  // thrown inside this file only, turned into an error by apply()

const json::value& member(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v) throw Unreadable{};
  return *v;
}

std::int64_t integer(const json::object& o, std::string_view key) {
  const auto& v = member(o, key);
  if (v.is_null()) return 0;
  if (!v.is_int64()) throw Unreadable{};
  return v.as_int64();
}

std::string_view text(const json::object& o, std::string_view key) {
  const auto& v = member(o, key);
  if (!v.is_string()) throw Unreadable{};
  return v.as_string();
}

std::int64_t fen(const json::object& o, std::string_view key) {
  auto amount = core::parse_amount(text(o, key), key);
  if (!amount) throw Unreadable{};
  return *amount;
}

core::Timestamp instant(const json::object& o, std::string_view key) {
  auto t = core::parse_rfc3339(text(o, key));
  if (!t) throw Unreadable{};
  return *t;
}

// The record an event leaves behind: `after`, or `before` for a deletion (then not in effect).
std::pair<const json::object*, bool> record_of(const json::value& payload) {
  const auto& o = payload.as_object();
  const auto& after = member(o, "after");
  if (after.is_object()) return {&after.as_object(), true};
  const auto& before = member(o, "before");
  if (!before.is_object()) throw Unreadable{};
  return {&before.as_object(), false};
}

date::sys_days day(const json::object& o, std::string_view key) {
  const auto d = core::parse_date(text(o, key));
  if (!d) throw Unreadable{};
  return date::sys_days(*d);
}

engine::TradeFact trade_of(const json::object& t, std::int64_t seq) {
  engine::TradeFact fact;
  fact.id = integer(t, "id");
  fact.seq = seq;
  fact.trade_time = instant(t, "trade_time");
  fact.client_id = integer(t, "client_id");
  fact.product_id = integer(t, "product_id");
  const auto kind = engine::parse_trade_kind(text(t, "kind"));
  if (!kind) throw Unreadable{};
  fact.kind = *kind;
  fact.amount_fen = fen(t, "amount");
  const auto status = text(t, "status");
  fact.in_effect = status == "applied" || status == "confirmed";
  if (status == "confirmed") fact.confirmed_on = day(t, "confirm_date");
  for (const auto& c : member(t, "credits").as_array()) {
    const auto& credit = c.as_object();
    fact.credits.push_back(
        {integer(credit, "staff_id"), integer(credit, "department_id"), fen(credit, "amount")});
  }
  return fact;
}

engine::VisitFact visit_of(const json::object& v, std::int64_t seq, bool in_effect) {
  engine::VisitFact fact;
  fact.id = integer(v, "id");
  fact.seq = seq;
  fact.occurred_at = instant(v, "occurred_at");
  fact.client_id = integer(v, "client_id");
  fact.with_key_people = !member(v, "attendee_ids").as_array().empty();
  fact.in_effect = in_effect;
  for (const auto& s : member(v, "staff").as_array()) {
    const auto& staff = s.as_object();
    fact.staff.push_back({integer(staff, "staff_id"), integer(staff, "department_id")});
  }
  return fact;
}

std::vector<std::int64_t> ids(const json::object& o, std::string_view key);

// A visit as the points rules judge it: its kind, when it was first recorded, who attended, its
// follow-up.
engine::VisitActivity visit_activity_of(const json::object& v, const engine::VisitFact& fact) {
  engine::VisitActivity a;
  a.id = fact.id;
  a.occurred_at = fact.occurred_at;
  a.recorded_at = instant(v, "created_at");
  a.client_id = fact.client_id;
  const auto kinds = visit_kinds();
  const auto kind = std::find(kinds.begin(), kinds.end(), text(v, "kind"));
  a.kind = static_cast<std::uint8_t>(kind == kinds.end() ? 0 : kind - kinds.begin());
  for (const auto& s : fact.staff)
    a.staff_ids.push_back(s.staff_id);
  a.attendee_ids = ids(v, "attendee_ids");
  if (const auto* due = v.if_contains("follow_up_date"); due && due->is_string()) {
    a.follow_up_date = day(v, "follow_up_date");
  }
  if (const auto* done = v.if_contains("follow_up_done_at"); done && done->is_string()) {
    a.follow_up_done_at = instant(v, "follow_up_done_at");
  }
  a.in_effect = fact.in_effect;
  return a;
}

std::vector<std::int64_t> ids(const json::object& o, std::string_view key) {
  std::vector<std::int64_t> out;
  for (const auto& v : member(o, key).as_array()) {
    if (!v.is_int64()) throw Unreadable{};
    out.push_back(v.as_int64());
  }
  return out;
}

engine::CampaignFact campaign_of(const json::object& c) {
  return engine::CampaignFact{integer(c, "id"),      day(c, "starts_on"),      day(c, "ends_on"),
                              ids(c, "product_ids"), ids(c, "department_ids"), ids(c, "staff_ids")};
}

engine::TargetFact target_of(const json::object& t, std::int64_t seq, bool in_effect) {
  engine::TargetFact fact;
  fact.id = integer(t, "id");
  fact.seq = seq;
  fact.in_effect = in_effect;
  fact.of_department = text(t, "subject_kind") == "department";
  fact.subject_id = integer(t, "subject_id");
  const auto scope = text(t, "scope");
  if (scope == "client") {
    fact.scope = engine::TargetScope::client;
    fact.client_id = integer(t, "client_id");
  } else if (scope == "campaign") {
    fact.scope = engine::TargetScope::campaign;
    fact.campaign_id = integer(t, "campaign_id");
  }
  const auto measure = text(t, "metric");
  const auto& measures = target_metrics();
  const auto found = std::find(measures.begin(), measures.end(), measure);
  if (found == measures.end()) throw Unreadable{};
  fact.measure = static_cast<engine::TargetMeasure>(found - measures.begin());
  const auto period = core::parse_period(text(t, "period"));
  if (!period) throw Unreadable{};
  fact.period = *period;
  fact.value = is_amount_metric(measure) ? fen(t, "target_amount") : integer(t, "target_count");
  return fact;
}

std::vector<engine::CoverageShare> members_of(const json::object& plan) {
  std::vector<engine::CoverageShare> out;
  for (const auto& m : member(plan, "members").as_array()) {
    const auto& o = m.as_object();
    out.push_back({integer(o, "staff_id"), integer(o, "share_percent")});
  }
  return out;
}

std::vector<std::pair<date::sys_days, std::int64_t>> assignments_of(const json::object& staff) {
  std::vector<std::pair<date::sys_days, std::int64_t>> out;
  for (const auto& a : member(staff, "assignments").as_array()) {
    const auto& o = a.as_object();
    out.emplace_back(day(o, "effective_from"), integer(o, "department_id"));
  }
  return out;
}

}  // namespace

void EngineFeed::note_use(const store::EventRecord& event, std::uint8_t function) {
  if (!event.actor_user_id) return;  // an import or a system job: nobody's use
  const auto staff = staff_of_user(*event.actor_user_id);
  if (!staff) return;  // a user with no staff record of their own (an admin, say)
  const auto at = core::from_micros(event.recorded_at);
  if (engine_.first_uses.use(*staff, function, {event.seq, at}, event.entity_type,
                             event.entity_id)) {
    engine_.points.apply_first_use(*staff, event.seq, function, at);
  }
}

core::Status EngineFeed::apply(const store::EventRecord& event) {
  const std::string_view type = event.type;
  // The CRM functions each event type is a use of (crm/flag_set.hpp), built once.
  static const auto uses_by_type = [] {
    std::unordered_map<std::string_view, std::vector<std::uint8_t>> out;
    const auto& functions = crm_functions();
    for (std::size_t i = 0; i < functions.size(); ++i) {
      for (const auto t : functions[i].events)
        out[t].push_back(static_cast<std::uint8_t>(i));
    }
    return out;
  }();
  const auto uses = uses_by_type.find(type);
  const bool trade = type.starts_with("transaction.");
  const bool follow_up_done = type == "visit.follow_up_completed";
  const bool visit = type == "visit.recorded" || type == "visit.updated" ||
                     type == "visit.deleted" || follow_up_done;
  const bool product = type == "product.created" || type == "product.updated";
  const bool department = type == "department.created" || type == "department.updated";
  const bool metric = type == "metric.created";
  const bool rule = type == "good_news_rule.created";
  const bool campaign = type == "campaign.created" || type == "campaign.updated";
  const bool balance = type == "holding.balance_imported" || type == "holding.balance_corrected";
  const bool coverage = type == "client.coverage_changed";
  const bool staff =
      type == "staff.created" || type == "staff.updated" || type == "staff.transferred";
  const bool imported = type == "metric_value.imported" || type == "metric_value.corrected";
  const bool board = type == "board.created" || type == "board.updated" || type == "board.archived";
  const bool manual_rows = type == "board.rows_published";
  const bool target = type == "target.set" || type == "target.changed" || type == "target.deleted";
  const bool point_rule = type == "point_rule.created" || type == "point_rule.changed";
  const bool key_person = type.starts_with("key_person.");
  const bool badge_rule = type == "badge_rule.created" || type == "badge_rule.changed";
  const bool calendar = type == "calendar.day_set" || type == "calendar.day_cleared";
  const bool challenge = type == "challenge.created" || type == "challenge.cancelled";
  const bool read_here = trade || visit || product || department || metric || rule || campaign ||
                         balance || coverage || staff || imported || board || manual_rows ||
                         target || point_rule || key_person || badge_rule || calendar || challenge;
  if (!read_here && uses == uses_by_type.end()) return {};
  engine_.begin({event.seq, core::from_micros(event.recorded_at)});
  struct Settle {  // whatever happens, the watches judge what this event changed
    engine::Recognition& engine;
    ~Settle() { engine.settle(); }
  } settle{engine_};
  if (uses != uses_by_type.end()) {  // a first use may earn points: judged with this event
    for (const auto function : uses->second)
      note_use(event, function);
  }
  if (!read_here) return {};  // only a use: nothing of its record for the engine
  try {
    // Parsed into a stack buffer: the value lives only for this event, and the replay of a log
    // of a quarter-million events spends most of its time here.
    unsigned char buffer[16384];
    json::monotonic_resource memory(buffer, sizeof buffer);
    boost::system::error_code ec;
    const auto payload = json::parse(event.payload, ec, &memory);
    if (ec || !payload.is_object()) throw Unreadable{};
    const auto [record, in_effect] = record_of(payload);
    if (trade) {
      const auto fact = trade_of(*record, event.seq);
      engine_.apply(fact);
      engine_.points.apply(fact, instant(*record, "recorded_at"));
    } else if (balance) {
      engine_.holdings.set_balance(integer(*record, "client_id"), integer(*record, "product_id"),
                                   day(*record, "date"), fen(*record, "amount"));
    } else if (visit) {
      const auto fact = visit_of(*record, event.seq, in_effect);
      const auto activity = visit_activity_of(*record, fact);
      engine_.points.apply(activity);
      // A follow-up marked done changes only what points pay: the visit's figures and badges
      // stand (and a badge rule would judge its person's whole timeline again for nothing).
      if (!follow_up_done) {
        engine_.fold.apply(fact);
        if (in_effect && fact.with_key_people) note_use(event, kVisitWithAttendees);
        engine_.badges.apply(activity);
      }
    } else if (point_rule) {
      auto read = read_point_rule(*record);
      if (!read || !engine_.points.set_rule(std::move(read->engine))) throw Unreadable{};
    } else if (key_person) {
      const bool decision_maker = in_effect && text(*record, "influence") == "decision_maker";
      engine_.points.set_decision_maker(integer(*record, "id"), decision_maker);
      engine_.badges.set_decision_maker(integer(*record, "id"), decision_maker);
    } else if (badge_rule) {
      auto read = read_badge_rule(*record);
      if (!read || !engine_.badges.set_rule(read->engine)) throw Unreadable{};
    } else if (challenge) {
      if (type == "challenge.cancelled") {
        engine_.challenges.cancel(integer(*record, "id"));
      } else {
        auto read = read_challenge(*record);
        if (!read || !engine_.challenges.add(challenge_definition(*read))) throw Unreadable{};
      }
    } else if (calendar) {
      const auto date = core::parse_date(text(*record, "date"));
      if (!date) throw Unreadable{};
      if (in_effect) {
        const auto kind = core::parse_day_kind(text(*record, "kind"));
        if (!kind) throw Unreadable{};
        calendar_.set({*date, *kind, std::string(text(*record, "name"))});
      } else {
        calendar_.clear(*date);
      }
      engine_.badges.set_calendar(calendar_);
    } else if (target) {
      engine_.fold.apply(target_of(*record, event.seq, in_effect));
    } else if (metric) {
      auto definition = read_metric_definition(*record);
      if (!definition) throw Unreadable{};
      definition->id = integer(*record, "id");
      engine_.add_metric(std::move(*definition));
    } else if (rule) {
      auto read = read_good_news_rule(*record);
      if (!read || read->id == 0 || rules_.contains(read->id) || !add_rule(*read)) {
        throw Unreadable{};
      }
      rules_.emplace(read->id, std::move(*read));
    } else if (campaign) {
      engine_.set_campaign(campaign_of(*record));
    } else if (coverage) {
      std::int64_t client_id = 0;
      const auto parsed = std::from_chars(
          event.entity_id.data(), event.entity_id.data() + event.entity_id.size(), client_id);
      if (parsed.ec != std::errc() || !in_effect) throw Unreadable{};
      engine_.coverage.set_plan(client_id, day(*record, "effective_from"), members_of(*record));
    } else if (imported) {
      engine_.fold.apply(engine::ImportedFact{
          integer(*record, "id"), event.seq, integer(*record, "metric_id"),
          integer(*record, "subject_id"), day(*record, "date"), integer(*record, "value")});
    } else if (manual_rows) {
      // A version of a manual or hybrid board's rows took effect (figures in fen or counts).
      const auto period = core::parse_period(text(*record, "period"));
      if (!period) throw Unreadable{};
      std::unordered_map<std::int64_t, std::int64_t> rows;
      for (const auto& row : member(*record, "rows").as_array()) {
        const auto& o = row.as_object();
        rows[integer(o, "subject_id")] = integer(o, "value");
      }
      // A board archived since, or no longer manual, takes no rows: nothing to rank them on.
      engine_.boards.set_manual_rows(integer(*record, "board_id"), *period, std::move(rows));
    } else if (board) {
      const auto id = integer(*record, "id");
      if (!in_effect) {
        engine_.boards.remove_board(id);
        engine_.leaders.board_changed(id);
        boards_.erase(id);
      } else {
        auto input = read_board_input(*record, false);
        if (!input) throw Unreadable{};
        input->definition.id = id;
        if (!engine_.boards.set_board(input->definition)) throw Unreadable{};
        engine_.leaders.board_changed(id);
        if (input->visibility == BoardVisibility::managers) {
          managers_only_.insert(id);
        } else {
          managers_only_.erase(id);
        }
        const auto& by = member(*record, "created_by");
        const auto& built_in = member(*record, "built_in");  // absent before migration 0031
        boards_.insert_or_assign(
            id, LoggedBoard{std::move(*input), id,
                            by.is_int64() ? std::optional(by.as_int64()) : std::nullopt,
                            core::to_micros(instant(*record, "created_at")),
                            core::to_micros(instant(*record, "updated_at")),
                            built_in.is_string() ? std::optional<std::string>(built_in.as_string())
                                                 : std::nullopt});
      }
    } else if (staff) {
      const auto staff_id = integer(*record, "id");
      names_[{engine::SubjectKind::staff, staff_id}] = text(*record, "name");
      // Who signs in as this person: one user, one staff record.
      if (const auto old = user_of_staff_.find(staff_id); old != user_of_staff_.end()) {
        staff_of_user_.erase(old->second);
        user_of_staff_.erase(old);
      }
      if (const auto& user = member(*record, "user_id"); user.is_int64()) {
        staff_of_user_[user.as_int64()] = staff_id;
        user_of_staff_[staff_id] = user.as_int64();
      }
      // Events before migration 0029 have no hide_from_boards: nobody was hidden.
      if (member(*record, "hide_from_boards") == true) {
        hidden_staff_.insert(staff_id);
      } else {
        hidden_staff_.erase(staff_id);
      }
      // Before migration 0037 everyone was celebrated.
      if (const auto* celebrate = record->if_contains("celebrate_publicly");
          celebrate && *celebrate == false) {
        uncelebrated_staff_.insert(staff_id);
      } else {
        uncelebrated_staff_.erase(staff_id);
      }
      engine_.set_staff(integer(*record, "id"), member(*record, "active").as_bool(),
                        assignments_of(*record));
    } else if (product) {
      engine_.set_product_type(integer(*record, "id"), std::string(text(*record, "type")));
    } else {
      names_[{engine::SubjectKind::department, integer(*record, "id")}] = text(*record, "name");
      engine_.set_department_parent(integer(*record, "id"), integer(*record, "parent_id"));
    }
  } catch (const Unreadable&) {
    return core::Error::invalid(
        "payload", "event " + std::to_string(event.seq) + " (" + event.type + ") cannot be read");
  } catch (const std::exception&) {  // boost::json's as_object() and friends on a wrong shape
    return core::Error::invalid(
        "payload", "event " + std::to_string(event.seq) + " (" + event.type + ") cannot be read");
  }
  return {};
}

bool EngineFeed::add_rule(const GoodNewsRule& rule) {
  switch (rule.kind) {
    case RuleKind::campaign_first_order:
      return engine_.first_orders.add_rule(first_order_rule(rule));
    case RuleKind::holdings_milestone:
      return engine_.milestones.add_rule(holdings_milestone_rule(rule));
    case RuleKind::client_activation:
      return engine_.activations.add_rule(activation_rule(rule));
    case RuleKind::board_top:
      return engine_.leaders.add_rule(board_top_rule(rule));
    case RuleKind::product_subscription:
      engine_.fold.add_metric(own_metric(rule));
      [[fallthrough]];
    case RuleKind::metric_threshold:
      if (engine_.holdings_metrics.metric(rule.metric_id)) {
        return engine_.balance_thresholds.add_rule(threshold_rule(rule));
      }
      return engine_.thresholds.add_rule(threshold_rule(rule));
  }
  return false;
}

const GoodNewsRule* EngineFeed::rule(std::int64_t id) const {
  const auto it = rules_.find(id);
  return it == rules_.end() ? nullptr : &it->second;
}

}  // namespace laurel::crm
