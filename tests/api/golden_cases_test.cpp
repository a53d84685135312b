// The golden cases of tests/cases/*.toml: scenarios a sales manager can read — a small company,
// then steps in arrival order (rules created through the API, trades posted, cancelled,
// published), each at its own moment of a simulated clock — and the good news they must give,
// with its late and no-longer-holds marks. Each case runs on a whole Laurel in-process (the real
// router, services and SQLite database; no network), and ends by rebuilding the engine from the
// log, as `laurel replay` does, and comparing that with what was stored.
//
// tests/cases/README.md describes the format.

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>
#include <toml++/toml.h>

#include <boost/json.hpp>
#include <filesystem>
#include <map>

#include "api/application.hpp"
#include "core/timestamp.hpp"
#include "crm/credit_code.hpp"
#include "crm/engine_service.hpp"
#include "store/badge_repository.hpp"
#include "store/good_news_repository.hpp"
#include "store/point_ledger_repository.hpp"
#include "store/test_database.hpp"

namespace laurel::api {
namespace {

namespace json = boost::json;

std::filesystem::path cases_directory() {
  const char* source = std::getenv("LAUREL_SOURCE_DIR");
  return std::filesystem::path(source ? source : ".") / "tests" / "cases";
}

std::vector<std::filesystem::path> case_files() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(cases_directory())) {
    if (entry.path().extension() == ".toml") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A TOML value as the JSON the API takes (times are written as strings in the cases).
json::value to_json(const toml::node& node) {
  if (const auto* t = node.as_table()) {
    json::object o;
    for (const auto& [key, value] : *t)
      o[std::string(key.str())] = to_json(value);
    return o;
  }
  if (const auto* a = node.as_array()) {
    json::array out;
    for (const auto& value : *a)
      out.push_back(to_json(value));
    return out;
  }
  if (const auto* s = node.as_string()) return json::value(s->get());
  if (const auto* i = node.as_integer()) return json::value(i->get());
  if (const auto* b = node.as_boolean()) return json::value(b->get());
  if (const auto* f = node.as_floating_point()) return json::value(f->get());
  ADD_FAILURE() << "a value of a type the cases do not use: " << node.type();
  return nullptr;
}

core::Timestamp instant(std::string_view text) {
  auto t = core::parse_rfc3339(text);
  EXPECT_TRUE(t) << "not an RFC 3339 time: " << text;
  return t.value_or(core::Timestamp{});
}

// One case being run: the Laurel, its clock, and the names the case gives things.
class CaseRun {
 public:
  explicit CaseRun(const toml::table& doc) : doc_(doc) {
    config_.database.path = (db_.directory() / "case.db").string();
    config_.auth.argon2_opslimit = 1;
    config_.auth.argon2_memlimit_kib = 8;
    config_.log.requests = false;
    config_.server.static_dir = "";
    // The simulated clock runs through months: one sign-in lasts the whole case.
    config_.auth.session_ttl = std::chrono::hours(24 * 365 * 10);
    config_.auth.session_idle = config_.auth.session_ttl;
    spdlog::set_level(spdlog::level::warn);
    config_.company.timezone = doc["timezone"].value_or<std::string>("Asia/Shanghai");
    config_.points.expire_after_days =
        static_cast<int>(doc["points"]["expire_after_days"].value_or<std::int64_t>(
            config_.points.expire_after_days));
    clock_.set(
        instant(doc["company"]["set_up_at"].value_or<std::string>("2025-01-01T00:00:00+08:00")));
    app_ = std::move(Application::open(config_, clock_).value());
    app_->services()
        .users
        .create({"golden", "Golden", std::nullopt, auth::Role::admin, kPassword},
                auth::Actor::command_line("golden"))
        .value();
    auto login = call("POST", "/api/v1/auth/login",
                      json::object{{"username", "golden"}, {"password", kPassword}}, 200);
    token_ = std::string(login.at("token").as_string());
  }

  // POST/PATCH/GET with the admin's token; fails the test when the status is not `expected`.
  json::value call(std::string method, std::string target, json::value body,
                   unsigned expected = 0) {
    http::Request request;
    request.method = std::move(method);
    request.target = target;
    request.path = std::string(http::path_of(target));
    if (auto q = target.find('?'); q != std::string::npos) request.query = target.substr(q + 1);
    if (!body.is_null()) {
      request.headers.emplace_back("Content-Type", "application/json");
      request.body = json::serialize(body);
    }
    if (!token_.empty()) request.headers.emplace_back("Authorization", "Bearer " + token_);
    request.client_ip = "127.0.0.1";
    const auto response = app_->dispatcher().handle(request);
    last_status_ = response.status;
    if (expected) {
      EXPECT_EQ(response.status, expected)
          << request.method << " " << target << " " << request.body << "\n→ " << response.body;
    }
    return response.body.empty() ? json::value(nullptr) : json::parse(response.body);
  }

  void set_up_company() {
    const auto& company = *doc_["company"].as_table();
    if (const auto* departments = company["departments"].as_array()) {
      for (const auto& d : *departments) {
        const auto name = d.value_or<std::string>("");
        departments_[name] =
            id_of(call("POST", "/api/v1/departments", json::object{{"name", name}}, 201));
      }
    }
    if (const auto* staff = company["staff"].as_array()) {
      for (const auto& s : *staff) {
        const auto& t = *s.as_table();
        const auto name = t["name"].value_or<std::string>("");
        staff_[name] = id_of(call(
            "POST", "/api/v1/staff",
            json::object{{"name", name},
                         {"department_id", department(t["department"].value_or<std::string>(""))},
                         {"effective_from", "2025-01-01"}},
            201));
      }
    }
    if (const auto* products = company["products"].as_array()) {
      for (const auto& p : *products) {
        const auto& t = *p.as_table();
        const auto name = t["name"].value_or<std::string>("");
        products_[name] =
            id_of(call("POST", "/api/v1/products",
                       json::object{{"code", "P" + std::to_string(products_.size() + 1)},
                                    {"name", name},
                                    {"type", t["type"].value_or<std::string>("bond")}},
                       201));
      }
    }
    if (const auto* clients = company["clients"].as_array()) {
      for (const auto& c : *clients)
        set_up_client(*c.as_table());
    }
  }

  void run_steps() {
    const auto* steps = doc_["steps"].as_array();
    ASSERT_NE(steps, nullptr) << "a case needs [[steps]]";
    for (std::size_t i = 0; i < steps->size(); ++i) {
      const auto& step = *(*steps)[i].as_table();
      SCOPED_TRACE("step " + std::to_string(i + 1));
      clock_.set(instant(step["at"].value_or<std::string>("")));
      const unsigned expected = static_cast<unsigned>(step["expect_status"].value_or<int64_t>(0));
      if (const auto* rule = step["rule"].as_table()) {
        create_rule(*rule, expected ? expected : 201);
      } else if (const auto* points = step["point_rule"].as_table()) {
        call("POST", "/api/v1/point-rules", to_json(*points), expected ? expected : 201);
      } else if (const auto* visit = step["visit"].as_table()) {
        post_visit(*visit, expected ? expected : 201);
      } else if (auto done = step["follow_up_done"].value<std::string>()) {
        call("POST", "/api/v1/visits/" + std::to_string(visits_.at(*done)) + "/follow-up-done",
             nullptr, expected ? expected : 200);
      } else if (auto gone = step["delete_visit"].value<std::string>()) {
        call("DELETE", "/api/v1/visits/" + std::to_string(visits_.at(*gone)), nullptr,
             expected ? expected : 204);
      } else if (const auto* reward = step["reward"].as_table()) {
        const auto created = call("POST", "/api/v1/rewards", to_json(*reward), 201);
        rewards_[reward->get("name")->value_or<std::string>("")] = id_of(created);
      } else if (const auto* redeem = step["redeem"].as_table()) {
        // An order placed for the person (as an admin may), with the step's key.
        const auto& t = *redeem;
        const auto placed =
            call("POST", "/api/v1/reward-orders",
                 json::object{{"reward_id", rewards_.at(t["reward"].value_or<std::string>(""))},
                              {"quantity", t["quantity"].value_or<std::int64_t>(1)},
                              {"staff_id", staff_.at(t["by"].value_or<std::string>(""))},
                              {"idempotency_key", t["key"].value_or<std::string>("")}},
                 expected ? expected : 201);
        if (!expected) orders_[t["key"].value_or<std::string>("")] = id_of(placed);
      } else if (const auto* decide = step["decide"].as_table()) {
        // A manager's decision on an order: approve or reject (or the person's cancel).
        const auto& t = *decide;
        call("POST",
             "/api/v1/reward-orders/" +
                 std::to_string(orders_.at(t["order"].value_or<std::string>(""))) + "/" +
                 t["action"].value_or<std::string>(""),
             json::object{}, expected ? expected : 200);
      } else if (const auto* badge = step["badge_rule"].as_table()) {
        const auto created =
            call("POST", "/api/v1/badge-rules", to_json(*badge), expected ? expected : 201);
        badge_rules_[badge->get("name")->value_or<std::string>("")] = id_of(created);
      } else if (const auto* day = step["calendar"].as_table()) {
        // A day of the company calendar: a public holiday or a swapped working day.
        const auto date = (*day)["date"].value_or<std::string>("");
        call("PUT", "/api/v1/calendar/days/" + date,
             json::object{{"kind", (*day)["kind"].value_or<std::string>("holiday")},
                          {"name", (*day)["name"].value_or<std::string>("假日")}},
             expected ? expected : 200);
      } else if (auto cleared = step["calendar_cleared"].value<std::string>()) {
        call("DELETE", "/api/v1/calendar/days/" + *cleared, nullptr, expected ? expected : 204);
      } else if (const auto* challenge = step["challenge"].as_table()) {
        create_challenge(*challenge, expected ? expected : 201);
      } else if (auto off = step["cancel_challenge"].value<std::string>()) {
        call("POST", "/api/v1/challenges/" + std::to_string(challenges_.at(*off)) + "/cancel",
             nullptr, expected ? expected : 200);
      } else if (const auto* where = step["challenge_standing"].as_table()) {
        check_challenge(*where);
      } else if (const auto* standing = step["badge"].as_table()) {
        check_badge(*standing);
      } else if (const auto* balances = step["points"].as_table()) {
        check_balances(*balances);
      } else if (const auto* campaign = step["campaign"].as_table()) {
        create_campaign(*campaign);
      } else if (const auto* metric = step["metric"].as_table()) {
        create_metric(*metric);
      } else if (const auto* board = step["board"].as_table()) {
        create_board(*board, expected ? expected : 201);
      } else if (const auto* trade = step["trade"].as_table()) {
        post_trade(*trade, expected);
      } else if (const auto* balance = step["balance"].as_table()) {
        post_balance(*balance, expected ? expected : 200);
      } else if (const auto* daily = step["daily_trades"].as_table()) {
        post_daily_trades(*daily);
      } else if (auto cancel = step["cancel"].value<std::string>()) {
        call("PATCH", "/api/v1/transactions/" + std::to_string(trades_.at(*cancel)),
             json::object{{"status", "cancelled"}}, expected ? expected : 200);
      } else if (const auto* publish = step["publish"].as_table()) {
        const auto id = news_id(*publish);
        ASSERT_NE(id, 0) << "no good news to publish as the step describes";
        call("POST", "/api/v1/good-news/" + std::to_string(id) + "/publish", nullptr,
             expected ? expected : 200);
      } else {
        ADD_FAILURE() << "a step that does nothing the runner knows";
      }
    }
  }

  void check_expectations() {
    const auto news = all_news();
    const auto* expected = doc_["expect"].as_array();
    std::size_t listed = 0;
    if (expected) {
      for (std::size_t i = 0; i < expected->size(); ++i) {
        const auto& e = *(*expected)[i].as_table();
        SCOPED_TRACE("expect " + std::to_string(i + 1));
        const json::object* found = find(news, e);
        if (!found) {
          ADD_FAILURE() << "no good news " << describe(e) << " among:\n" << summary(news);
          continue;
        }
        ++listed;
        check_fields(*found, e);
      }
    }
    if (const auto* counts = doc_["expect_counts"].as_table()) {
      for (const auto& [status, count] : *counts) {
        const auto n = std::count_if(news.begin(), news.end(), [&](const json::object& o) {
          return o.at("status").as_string() == status.str();
        });
        EXPECT_EQ(n, count.value_or<std::int64_t>(-1)) << "good news " << status.str();
      }
    } else {
      EXPECT_EQ(news.size(), listed) << "good news beyond what the case expects:\n"
                                     << summary(news);
    }
  }

  // [[expect_standings]]: a board's whole standings in a period, in order, as (name, rank) or
  // (name, rank, value) — through the API, and from an engine rebuilt from the log.
  void check_standings(crm::EngineService* rebuilt = nullptr) {
    const auto* all = doc_["expect_standings"].as_array();
    if (!all) return;
    for (std::size_t i = 0; i < all->size(); ++i) {
      const auto& e = *(*all)[i].as_table();
      SCOPED_TRACE("expect_standings " + std::to_string(i + 1) + (rebuilt ? " (replayed)" : ""));
      const auto name = e["board"].value_or<std::string>("");
      const auto period = e["period"].value_or<std::string>("");
      const auto board_id = boards_.at(name);
      std::vector<std::string> got, want;
      if (rebuilt) {
        crm::EngineService::StandingsQuery q;
        q.board_id = board_id;
        q.subject = board_subjects_.at(name);
        q.period = *core::parse_period(period);
        q.limit = 200;
        auto found = rebuilt->standings(q);
        ASSERT_TRUE(found) << found.error().message;
        for (const auto& row : found->items)
          got.push_back(row.name + " " + std::to_string(row.standing.rank));
      } else {
        const auto page = call(
            "GET",
            "/api/v1/boards/" + std::to_string(board_id) + "/standings?limit=200&period=" + period,
            nullptr, 200);
        for (const auto& row : page.at("items").as_array()) {
          got.push_back(std::string(row.at("name").as_string()) + " " +
                        std::to_string(row.at("rank").as_int64()));
        }
        if (const auto policy = e["tie_policy"].value<std::string>()) {
          EXPECT_EQ(page.at("tie_policy").as_string(), *policy);
        }
        std::size_t row_index = 0;
        for (const auto& r : *e["ranks"].as_array()) {
          const auto& cells = *r.as_array();
          if (cells.size() > 2 && row_index < page.at("items").as_array().size()) {
            const auto& value = page.at("items").as_array()[row_index].at("value");
            EXPECT_EQ(value.is_string() ? std::string(value.as_string())
                                        : std::to_string(value.as_int64()),
                      cells[2].value_or<std::string>(""))
                << "the value of row " << row_index + 1;
          }
          ++row_index;
        }
      }
      for (const auto& r : *e["ranks"].as_array()) {
        const auto& cells = *r.as_array();
        want.push_back(cells[0].value_or<std::string>("") + " " +
                       std::to_string(cells[1].value_or<std::int64_t>(0)));
      }
      EXPECT_EQ(got, want);
    }
  }

  // [[expect_points]]: a person's balances on the points ledger (person, status, spendable,
  // held, owed; the ones named are checked).
  void check_points() {
    const auto* all = doc_["expect_points"].as_array();
    if (!all) return;
    for (std::size_t i = 0; i < all->size(); ++i) {
      SCOPED_TRACE("expect_points");
      check_balances(*(*all)[i].as_table());
    }
  }

  // A person's balances as GET /api/v1/points gives them now: those named, and the next expiry
  // (next_expiry = [points, "last day"], or [] for none).
  void check_balances(const toml::table& e) {
    const auto person = e["person"].value_or<std::string>("");
    SCOPED_TRACE(person);
    const auto got =
        call("GET", "/api/v1/points?staff_id=" + std::to_string(staff_.at(person)), nullptr, 200);
    for (const auto* balance : {"status", "spendable", "held", "owed"}) {
      if (const auto want = e[balance].value<std::int64_t>()) {
        EXPECT_EQ(got.at(balance).as_int64(), *want) << balance;
      }
    }
    if (const auto* want = e["next_expiry"].as_array()) {
      const auto& next = got.at("next_expiry");
      if (want->empty()) {
        EXPECT_TRUE(next.is_null()) << json::serialize(next);
      } else {
        ASSERT_TRUE(next.is_object()) << "no next expiry";
        EXPECT_EQ(next.at("points").as_int64(), (*want)[0].value_or<std::int64_t>(0));
        EXPECT_EQ(std::string_view(next.at("last_day").as_string()),
                  (*want)[1].value_or<std::string>(""));
      }
    }
  }

  // [[expect_badges]]: where a person stands on a badge (person, rule by name; earned, visit —
  // the visit that made it true, by its id in the case — and progress; those named).
  void check_badges() {
    const auto* all = doc_["expect_badges"].as_array();
    if (!all) return;
    for (std::size_t i = 0; i < all->size(); ++i) {
      SCOPED_TRACE("expect_badges");
      check_badge(*(*all)[i].as_table());
    }
  }

  // Where a person stands on a badge now, as GET /api/v1/badges gives it.
  void check_badge(const toml::table& e) {
    const auto person = e["person"].value_or<std::string>("");
    const auto rule = badge_rules_.at(e["rule"].value_or<std::string>(""));
    SCOPED_TRACE(person + " " + e["rule"].value_or<std::string>(""));
    const auto got =
        call("GET", "/api/v1/badges?staff_id=" + std::to_string(staff_.at(person)), nullptr, 200);
    const json::value* badge = nullptr;
    for (const auto& b : got.at("badges").as_array()) {
      if (b.at("rule").at("id").as_int64() == rule) badge = &b;
    }
    ASSERT_NE(badge, nullptr);
    if (const auto earned = e["earned"].value<bool>()) {
      EXPECT_EQ(badge->at("earned").as_bool(), *earned);
    }
    if (const auto visit = e["visit"].value<std::string>()) {
      ASSERT_TRUE(badge->at("visit_id").is_int64()) << "no visit made it true";
      EXPECT_EQ(badge->at("visit_id").as_int64(), visits_.at(*visit));
    }
    if (const auto progress = e["progress"].value<std::int64_t>()) {
      EXPECT_EQ(badge->at("progress").as_int64(), *progress);
    }
  }

  // A challenge naming its metric by code and its participants by name (people, or else
  // departments).
  void create_challenge(const toml::table& t, unsigned expected) {
    auto body = to_json(t).as_object();
    body["metric_id"] = metrics_.at(std::string(body.at("metric").as_string()));
    body.erase("metric");
    if (auto* names = body.if_contains("participants")) {
      json::array ids;
      for (const auto& n : names->as_array()) {
        const std::string name(n.as_string());
        ids.push_back(staff_.contains(name) ? staff_.at(name) : department(name));
      }
      *names = std::move(ids);
    }
    const auto created = call("POST", "/api/v1/challenges", body, expected);
    if (expected == 201) challenges_[std::string(body.at("name").as_string())] = id_of(created);
  }

  // Where a challenge stands at `at`, as GET /api/v1/challenges/{id} gives it: its state, and
  // for each participant in order the outcome, the figure and the visit that reached the goal
  // (its id in the case; "" for none) — those named.
  void check_challenge(const toml::table& e) {
    const auto name = e["name"].value_or<std::string>("");
    SCOPED_TRACE("challenge " + name);
    const auto got =
        call("GET", "/api/v1/challenges/" + std::to_string(challenges_.at(name)), nullptr, 200);
    if (const auto state = e["state"].value<std::string>()) {
      EXPECT_EQ(std::string_view(got.at("state").as_string()), *state);
    }
    const auto& standings = got.at("standings").as_array();
    const auto each = [&](const char* key, auto check) {
      const auto* want = e[key].as_array();
      if (!want) return;
      ASSERT_EQ(want->size(), standings.size()) << key;
      for (std::size_t i = 0; i < want->size(); ++i) {
        SCOPED_TRACE(std::string(key) + "[" + std::to_string(i) + "]");
        check(standings[i].as_object(), (*want)[i]);
      }
    };
    each("outcomes", [](const json::object& s, const toml::node& want) {
      EXPECT_EQ(std::string_view(s.at("outcome").as_string()), want.value_or<std::string>(""));
    });
    each("figures", [](const json::object& s, const toml::node& want) {
      const auto& figure = s.at("figure");
      EXPECT_EQ(
          figure.is_string() ? std::string(figure.as_string()) : std::to_string(figure.as_int64()),
          want.is_string() ? want.value_or<std::string>("")
                           : std::to_string(want.value_or<std::int64_t>(0)));
    });
    each("reached_by", [&](const json::object& s, const toml::node& want) {
      const auto visit = want.value_or<std::string>("");
      const auto& record = s.at("reached_by_record_id");
      if (visit.empty()) {
        EXPECT_TRUE(record.is_null()) << json::serialize(record);
      } else {
        ASSERT_TRUE(record.is_int64()) << "nothing reached the goal";
        EXPECT_EQ(record.as_int64(), visits_.at(visit));
      }
    });
  }

  // The engine rebuilt from the log (as `laurel replay` does) gives what was stored.
  void check_replay() {
    auto& store = *app_->services().store;
    crm::EngineService rebuilt(store, app_->services().zone, false);
    ASSERT_TRUE(rebuilt.catch_up());
    check_standings(&rebuilt);
    // Every challenge stands the same in an engine rebuilt from the log.
    for (const auto& [name, id] : challenges_) {
      SCOPED_TRACE("challenge " + name + " (replayed)");
      const auto now = clock_.now();
      auto live = app_->services().engine.challenges({id}, now);
      auto again = rebuilt.challenges({id}, now);
      ASSERT_TRUE(live && again);
      ASSERT_TRUE(live->front() && again->front());
      EXPECT_EQ(*live->front(), *again->front());
    }
    auto connection = store.acquire().value();
    const auto stored = store::GoodNewsRepository(*connection).all_detected().value();
    const auto given = rebuilt.detected_good_news();
    ASSERT_EQ(given.size(), stored.size());
    for (std::size_t i = 0; i < given.size(); ++i)
      EXPECT_EQ(given[i], stored[i]) << given[i].fact_key;
    // And the points ledger: balanced, and holding for each award what the log gives it.
    store::PointLedgerRepository ledger(*connection);
    EXPECT_TRUE(ledger.unbalanced().value().empty());
    std::vector<std::string> on_ledger, from_log;
    for (const auto& a : ledger.award_totals().value()) {
      if (a.points != 0) on_ledger.push_back(award_text(a));
    }
    for (const auto& a : rebuilt.award_totals())
      from_log.push_back(award_text(a));
    EXPECT_EQ(on_ledger, from_log);
    // And where people stand on badges.
    const auto badges = store::BadgeRepository(*connection).all_awards().value();
    const auto derived = rebuilt.badge_awards();
    ASSERT_EQ(badges.size(), derived.size());
    for (std::size_t i = 0; i < badges.size(); ++i) {
      EXPECT_EQ(std::tie(badges[i].rule_id, badges[i].staff_id, badges[i].holds, badges[i].visit_id,
                         badges[i].earned_at),
                std::tie(derived[i].rule_id, derived[i].staff_id, derived[i].holds,
                         derived[i].visit_id, derived[i].earned_at));
    }
  }

 private:
  static constexpr const char* kPassword = "correct horse battery";

  static std::int64_t id_of(const json::value& v) {
    return v.is_object() && v.as_object().contains("id") ? v.at("id").as_int64() : 0;
  }
  std::int64_t department(const std::string& name) const {
    const auto it = departments_.find(name);
    EXPECT_NE(it, departments_.end()) << "no department " << name;
    return it == departments_.end() ? 0 : it->second;
  }
  std::int64_t product(const std::string& name) const {
    const auto it = products_.find(name);
    EXPECT_NE(it, products_.end()) << "no product " << name;
    return it == products_.end() ? 0 : it->second;
  }
  // A department's or a person's id: what the case names as a subject.
  std::int64_t subject(const std::string& name) const {
    if (name == "company") return 0;
    if (auto it = departments_.find(name); it != departments_.end()) return it->second;
    if (auto it = staff_.find(name); it != staff_.end()) return it->second;
    ADD_FAILURE() << "no department or person " << name;
    return -1;
  }

  void set_up_client(const toml::table& t) {
    const auto name = t["name"].value_or<std::string>("");
    std::string code = "91440300" + std::to_string(100'000'000 + clients_.size() + 1);
    code += crm::credit_code_check_character(code);
    const auto id = id_of(call("POST", "/api/v1/clients",
                               json::object{{"name", name},
                                            {"registration_code", code},
                                            {"type", t["type"].value_or<std::string>("bank")}},
                               201));
    clients_[name] = id;
    json::array members;
    if (const auto* covered = t["covered_by"].as_array()) {
      for (const auto& m : *covered) {
        const auto& pair = *m.as_array();
        members.push_back({{"staff_id", staff_.at(pair[0].value_or<std::string>(""))},
                           {"role", members.empty() ? "primary" : "secondary"},
                           {"share_percent", pair[1].value_or<std::int64_t>(0)}});
      }
    }
    if (!members.empty()) {
      call("PUT", "/api/v1/clients/" + std::to_string(id) + "/coverage",
           json::object{{"effective_from", "2025-01-01"}, {"members", members}}, 200);
    }
  }

  void create_metric(const toml::table& t) {
    auto body = to_json(t).as_object();
    if (auto* filter = body.if_contains("filter"); filter && filter->is_object()) {
      auto& f = filter->as_object();
      if (auto* names = f.if_contains("products")) {
        json::array ids;
        for (const auto& n : names->as_array())
          ids.push_back(product(std::string(n.as_string())));
        f.erase("products");
        f["product_ids"] = ids;
      }
    }
    metrics_[std::string(body.at("code").as_string())] =
        id_of(call("POST", "/api/v1/metrics", body, 201));
  }

  // A campaign naming its funds, departments and people by name.
  void create_campaign(const toml::table& t) {
    auto body = to_json(t).as_object();
    auto resolve = [&](const char* names, const char* ids, auto lookup) {
      json::array out;
      if (auto* list = body.if_contains(names)) {
        for (const auto& n : list->as_array())
          out.push_back(lookup(std::string(n.as_string())));
        body.erase(names);
      }
      body[ids] = out;
    };
    resolve("products", "product_ids", [&](const std::string& n) { return product(n); });
    resolve("departments", "department_ids", [&](const std::string& n) { return department(n); });
    resolve("staff", "staff_ids", [&](const std::string& n) { return staff_.at(n); });
    if (!body.contains("target_amount")) body["target_amount"] = "0.00";
    campaigns_[std::string(body.at("name").as_string())] =
        id_of(call("POST", "/api/v1/campaigns", body, 201));
  }

  // A board naming its metrics by code, its department or campaign by name.
  void create_board(const toml::table& t, unsigned expected) {
    auto body = to_json(t).as_object();
    for (const auto* member : {"metric", "denominator_metric", "tie_breaker_metric"}) {
      if (auto* code = body.if_contains(member)) {
        body[std::string(member) + "_id"] = metrics_.at(std::string(code->as_string()));
        body.erase(member);
      }
    }
    if (auto* name = body.if_contains("department")) {
      body["department_id"] = department(std::string(name->as_string()));
      body.erase("department");
    }
    if (auto* name = body.if_contains("campaign")) {
      body["campaign_id"] = campaigns_.at(std::string(name->as_string()));
      body.erase("campaign");
    }
    const auto created = call("POST", "/api/v1/boards", body, expected);
    if (expected != 201) return;
    const auto name = std::string(body.at("name").as_string());
    boards_[name] = id_of(created);
    board_subjects_[name] = created.at("subject").as_string() == "staff"
                                ? engine::SubjectKind::staff
                                : engine::SubjectKind::department;
  }

  void create_rule(const toml::table& t, unsigned expected) {
    auto body = to_json(t).as_object();
    if (auto* name = body.if_contains("campaign")) {
      body["campaign_id"] = campaigns_.at(std::string(name->as_string()));
      body.erase("campaign");
    }
    if (auto* code = body.if_contains("metric")) {
      body["metric_id"] = metrics_.at(std::string(code->as_string()));
      body.erase("metric");
    }
    if (auto* name = body.if_contains("board")) {
      body["board_id"] = boards_.at(std::string(name->as_string()));
      body.erase("board");
    }
    if (auto* names = body.if_contains("products"); names && names->is_array()) {
      json::array ids;
      for (const auto& n : names->as_array())
        ids.push_back(product(std::string(n.as_string())));
      body["products"] = json::object{{"product_ids", ids}};
    }
    if (auto* names = body.if_contains("subjects")) {
      json::array ids;
      for (const auto& n : names->as_array())
        ids.push_back(subject(std::string(n.as_string())));
      body.erase("subjects");
      body["subject_ids"] = ids;
    }
    const auto created = call("POST", "/api/v1/good-news-rules", body, expected);
    if (expected == 201) rules_[std::string(body.at("name").as_string())] = id_of(created);
  }

  void post_trade(const toml::table& t, unsigned expected) {
    const auto id = t["id"].value_or<std::string>("");
    json::object body{{"external_id", id},
                      {"client_id", clients_.at(t["client"].value_or<std::string>(""))},
                      {"product_id", product(t["product"].value_or<std::string>(""))},
                      {"kind", t["kind"].value_or<std::string>("申购")},
                      {"amount", t["amount"].value_or<std::string>("")},
                      {"trade_time", t["time"].value_or<std::string>("")}};
    if (auto confirmed = t["confirm"].value<std::string>()) {  // recorded as confirmed on that day
      body["status"] = "confirmed";
      body["confirm_date"] = *confirmed;
    }
    const auto created = call("POST", "/api/v1/transactions", body, expected);
    if (!expected) {
      EXPECT_TRUE(last_status_ == 201 || last_status_ == 200) << json::serialize(created);
    }
    if (last_status_ == 201) trades_[id] = id_of(created);
  }

  // A daily closing balance from the data warehouse.
  void post_balance(const toml::table& b, unsigned expected) {
    call("POST", "/api/v1/holdings/balances",
         json::object{
             {"balances", json::array{json::object{
                              {"client_id", clients_.at(b["client"].value_or<std::string>(""))},
                              {"product_id", product(b["product"].value_or<std::string>(""))},
                              {"date", b["date"].value_or<std::string>("")},
                              {"amount", b["amount"].value_or<std::string>("")}}}}},
         expected);
  }

  // One trade a day at the same local time, each recorded as it happens (a year of history
  // in one line of the case).
  void post_daily_trades(const toml::table& t) {
    const auto from = *core::parse_date(t["from"].value_or<std::string>(""));
    const auto to = *core::parse_date(t["to"].value_or<std::string>(""));
    const auto zone = app_->services().zone;
    const auto local_time = t["time"].value_or<std::string>("10:00");
    int n = 0;
    for (auto day = date::sys_days(from); day <= date::sys_days(to); day += date::days(1)) {
      const auto text = core::format_date(date::year_month_day(day));
      const auto at = zone.start_of(date::year_month_day(day)) +
                      std::chrono::hours(std::stoi(local_time.substr(0, 2))) +
                      std::chrono::minutes(std::stoi(local_time.substr(3, 2)));
      clock_.set(at + std::chrono::minutes(5));
      toml::table trade;
      trade.insert("id", t["prefix"].value_or<std::string>("D") + "-" + text);
      trade.insert("client", t["client"].value_or<std::string>(""));
      trade.insert("product", t["product"].value_or<std::string>(""));
      trade.insert("amount", t["amount"].value_or<std::string>(""));
      trade.insert("time", core::format_rfc3339(at));
      post_trade(trade, 201);
      ++n;
    }
    EXPECT_GT(n, 0);
  }

  std::vector<json::object> all_news() {
    std::vector<json::object> out;
    std::string cursor;
    for (;;) {
      auto page = call("GET",
                       "/api/v1/good-news?status=draft,published,dismissed,passed&limit=200" +
                           (cursor.empty() ? "" : "&cursor=" + cursor),
                       nullptr, 200);
      for (const auto& item : page.at("items").as_array())
        out.push_back(item.as_object());
      if (page.at("next_cursor").is_null()) return out;
      cursor = std::string(page.at("next_cursor").as_string());
    }
  }

  // The threshold as the API writes it: an amount string, or a count.
  static bool same_threshold(const json::value& given, const toml::node& expected) {
    if (auto s = expected.value<std::string>()) {
      return given.is_string() && given.as_string() == *s;
    }
    return given.is_int64() && given.as_int64() == expected.value_or<std::int64_t>(-1);
  }

  const json::object* find(const std::vector<json::object>& news, const toml::table& e) const {
    const auto rule = rules_.find(e["rule"].value_or<std::string>(""));
    if (rule == rules_.end()) return nullptr;
    const auto who = subject(e["subject"].value_or<std::string>("company"));
    const auto* threshold = e.get("threshold");
    for (const auto& n : news) {
      if (n.at("rule_id").as_int64() != rule->second ||
          n.at("subject").at("id").as_int64() != who) {
        continue;
      }
      if (threshold) {
        if (n.contains("threshold") &&
            n.at("period").as_string() == e["period"].value_or<std::string>("") &&
            same_threshold(n.at("threshold"), *threshold)) {
          return &n;
        }
      } else if (!n.contains("threshold") && !e.contains("trade")) {
        // Reaching a board's top: once per subject and period.
        if (n.at("period").as_string() == e["period"].value_or<std::string>("")) return &n;
      } else if (auto trade = e["trade"].value<std::string>()) {
        // A first order: which order it is names it.
        const auto id = trades_.find(*trade);
        if (!n.contains("threshold") && id != trades_.end() &&
            n.at("record").at("id").as_int64() == id->second) {
          return &n;
        }
      }
    }
    return nullptr;
  }

  std::int64_t news_id(const toml::table& e) {
    const auto news = all_news();
    const auto* found = find(news, e);
    return found ? found->at("id").as_int64() : 0;
  }

  void check_fields(const json::object& n, const toml::table& e) const {
    const auto name = describe(e);
    if (auto late = e["late"].value<bool>()) {
      EXPECT_EQ(n.at("late").as_bool(), *late) << name;
    }
    if (auto holds = e["holds"].value<bool>()) {
      EXPECT_EQ(n.at("holds").as_bool(), *holds) << name;
    }
    if (auto status = e["status"].value<std::string>()) {
      EXPECT_EQ(n.at("status").as_string(), *status) << name;
    }
    if (auto at = e["became_true_at"].value<std::string>()) {
      EXPECT_EQ(instant(n.at("became_true_at").as_string()), instant(*at)) << name;
    }
    if (auto at = e["detected_at"].value<std::string>()) {
      EXPECT_EQ(instant(n.at("detected_at").as_string()), instant(*at)) << name;
    }
    if (auto at = e["no_longer_holds_at"].value<std::string>()) {
      ASSERT_TRUE(n.at("no_longer_holds_at").is_string()) << name;
      EXPECT_EQ(instant(n.at("no_longer_holds_at").as_string()), instant(*at)) << name;
    }
    if (auto trade = e["trade"].value<std::string>()) {
      EXPECT_EQ(n.at("record").at("id").as_int64(), trades_.at(*trade))
          << name << ": made true by another record";
    }
    if (auto text = e["text_zh"].value<std::string>()) {
      EXPECT_EQ(n.at("text").at("zh-CN").as_string(), *text) << name;
    }
    if (auto text = e["text_en"].value<std::string>()) {
      EXPECT_EQ(n.at("text").at("en").as_string(), *text) << name;
    }
  }

  static std::string describe(const toml::table& e) {
    std::ostringstream out;
    out << "(" << e["rule"].value_or<std::string>("?") << ", "
        << e["subject"].value_or<std::string>("company") << ", "
        << e["period"].value_or<std::string>("?") << ", "
        << (e.get("threshold") ? json::serialize(to_json(*e.get("threshold")))
                               : "trade " + e["trade"].value_or<std::string>("?"))
        << ")";
    return out.str();
  }

  static std::string award_text(const store::PointLedgerRepository::AwardTotal& a) {
    return std::to_string(a.rule_id) + "/" + std::to_string(a.staff_id) + "/" + a.source_kind +
           "/" + std::to_string(a.source_id) + ": " + std::to_string(a.points);
  }

  // A visit logged by a person (by = name) with a client, at `time` (and its follow-up's date).
  void post_visit(const toml::table& t, unsigned expected) {
    json::object body{{"client_id", clients_.at(t["client"].value_or<std::string>(""))},
                      {"kind", t["kind"].value_or<std::string>("visit")},
                      {"occurred_at", t["time"].value_or<std::string>("")},
                      {"notes", "golden"},
                      {"staff_ids", json::array{staff_.at(t["by"].value_or<std::string>(""))}}};
    if (const auto due = t["follow_up"].value<std::string>()) body["follow_up_date"] = *due;
    const auto created = call("POST", "/api/v1/visits", body, expected);
    if (last_status_ == 201) visits_[t["id"].value_or<std::string>("")] = id_of(created);
  }

  static std::string summary(const std::vector<json::object>& news) {
    std::string out;
    for (const auto& n : news) {
      out += "  rule " + std::to_string(n.at("rule_id").as_int64()) + ", subject " +
             std::to_string(n.at("subject").at("id").as_int64()) + ", " +
             std::string(n.at("period").as_string()) + ", " +
             (n.contains("threshold") ? json::serialize(n.at("threshold"))
                                      : "trade " + json::serialize(n.at("record"))) +
             ": " + std::string(n.at("status").as_string()) +
             (n.at("late").as_bool() ? ", late" : "") +
             (n.at("holds").as_bool() ? "" : ", no longer holds") + "\n";
    }
    return out;
  }

  const toml::table& doc_;
  store::testing::TestDatabase db_{"sqlite"};
  config::Config config_;
  core::ManualClock clock_{core::Timestamp{}};
  std::unique_ptr<Application> app_;
  std::string token_;
  unsigned last_status_ = 0;
  std::map<std::string, std::int64_t> departments_, staff_, products_, clients_, metrics_, rules_,
      trades_, campaigns_, boards_, visits_, rewards_, orders_, badge_rules_, challenges_;
  std::map<std::string, engine::SubjectKind> board_subjects_;
};

class GoldenCase : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(GoldenCase, GivesTheGoodNewsItSays) {
  toml::table doc;
  try {
    doc = toml::parse_file(GetParam().string());
  } catch (const toml::parse_error& e) {
    FAIL() << GetParam() << ": " << e.description() << " at line " << e.source().begin.line;
  }
  ASSERT_TRUE(doc["title"].is_string()) << "a case needs a title";
  CaseRun run(doc);
  run.set_up_company();
  run.run_steps();
  if (HasFatalFailure()) return;
  run.check_expectations();
  run.check_standings();
  run.check_points();
  run.check_badges();
  run.check_replay();
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenCase, ::testing::ValuesIn(case_files()),
                         [](const ::testing::TestParamInfo<std::filesystem::path>& file) {
                           std::string name = file.param.stem().string();
                           std::replace_if(
                               name.begin(), name.end(), [](char c) { return !std::isalnum(c); },
                               '_');
                           return name;
                         });

}  // namespace
}  // namespace laurel::api
