#include "crm/key_people_service.hpp"

#include <array>
#include <boost/json/array.hpp>
#include <unordered_map>

#include "core/timestamp.hpp"
#include "crm/org_chart_service.hpp"
#include "crm/product_service.hpp"
#include "crm/text_rules.hpp"
#include "store/client_repository.hpp"
#include "store/org_unit_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;

constexpr std::array<std::string_view, 5> kDecisionRoles = {"investment_decision", "trading",
                                                            "operations", "risk_control", "other"};
constexpr std::array<std::string_view, 3> kInfluences = {"decision_maker", "influencer",
                                                         "gatekeeper"};
constexpr std::string_view kErasedName = "(erased)";
constexpr std::int64_t kMaxTouchFrequencyDays = 3650;

core::Status check_phone(std::string_view phone) {
  const bool allowed = phone.find_first_not_of("0123456789+-() ") == std::string_view::npos;
  const auto digits =
      std::count_if(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!allowed || digits < 5 || phone.size() > 30) {
    return Error::invalid("phone",
                          "must be a phone number: at least 5 digits, up to 30 characters of "
                          "digits, spaces and + - ( )");
  }
  return {};
}

core::Status check_email(std::string_view email) {
  const auto at = email.find('@');
  if (email.size() > 254 || at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos ||
      email.find('.', at) == std::string_view::npos || email.back() == '.' ||
      email.find_first_of(" \t\r\n") != std::string_view::npos) {
    return Error::invalid("email", "must be an email address such as name@example.cn");
  }
  return {};
}

core::Status check_fields(const KeyPersonFields& f) {
  if (auto s = check_text("name", f.name, 100); !s) return s;
  if (f.title) {
    if (auto s = check_text("title", *f.title, 100); !s) return s;
  }
  if (auto s = check_one_of("decision_role", f.decision_role, kDecisionRoles); !s) return s;
  if (auto s = check_one_of("influence", f.influence, kInfluences); !s) return s;
  if (f.phone) {
    if (auto s = check_phone(*f.phone); !s) return s;
  }
  if (f.email) {
    if (auto s = check_email(*f.email); !s) return s;
  }
  if (f.wechat) {
    if (auto s = check_text("wechat", *f.wechat, 50); !s) return s;
  }
  if (f.touch_frequency_days &&
      (*f.touch_frequency_days < 1 || *f.touch_frequency_days > kMaxTouchFrequencyDays)) {
    return Error::invalid("touch_frequency_days",
                          "must be 1 to " + std::to_string(kMaxTouchFrequencyDays) + " days");
  }
  return {};
}

// The unit and the manager belong to the client; the reporting line makes no cycle.
core::Status check_placement(store::Connection& db, std::int64_t client_id, std::int64_t person_id,
                             std::optional<std::int64_t> unit_id,
                             std::optional<std::int64_t> reports_to_id) {
  if (unit_id) {
    auto unit = store::OrgUnitRepository(db).find(*unit_id);
    if (!unit) return unit.error();
    if (!*unit || (*unit)->client_id != client_id) {
      return Error::invalid("org_unit_id",
                            "must be an org unit of client " + std::to_string(client_id));
    }
  }
  if (!reports_to_id) return {};
  auto people = store::KeyPersonRepository(db).of_client(client_id);
  if (!people) return people.error();
  std::unordered_map<std::int64_t, std::optional<std::int64_t>> manager_of;
  for (const auto& p : *people)
    manager_of.emplace(p.id, p.reports_to_id);
  if (!manager_of.contains(*reports_to_id)) {
    return Error::invalid("reports_to_id",
                          "must be a key person of client " + std::to_string(client_id));
  }
  return check_no_cycle("reports_to_id", person_id, *reports_to_id,
                        [&](std::int64_t id) { return manager_of.at(id); });
}

core::Status check_client(store::Connection& db, std::int64_t client_id, std::string_view field) {
  auto client = store::ClientRepository(db).find(client_id);
  if (!client) return client.error();
  if (!*client) {
    if (field.empty()) return Error::not_found("no client " + std::to_string(client_id));
    return Error::invalid(std::string(field), "no client " + std::to_string(client_id));
  }
  return {};
}

core::Result<store::KeyPersonRecord> load(store::Connection& db, std::int64_t id) {
  auto found = store::KeyPersonRepository(db).find(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no key person " + std::to_string(id));
  return std::move(**found);
}

core::Result<store::KeyPersonRecord> load_unerased(store::Connection& db, std::int64_t id) {
  auto person = load(db, id);
  if (person && person->erased_at) {
    return Error::conflict("key person " + std::to_string(id) + " was erased");
  }
  return person;
}

store::KeyPersonRecord with_fields(store::KeyPersonRecord p, const KeyPersonFields& f) {
  p.org_unit_id = f.org_unit_id;
  p.reports_to_id = f.reports_to_id;
  p.name = f.name;
  p.title = f.title;
  p.decision_role = f.decision_role;
  p.influence = f.influence;
  p.phone = f.phone;
  p.email = f.email;
  p.wechat = f.wechat;
  p.touch_frequency_days = f.touch_frequency_days;
  p.active = f.active;
  return p;
}

KeyPersonFields fields_of(const store::KeyPersonRecord& p) {
  return {p.org_unit_id, p.reports_to_id, p.name,  p.title,  p.decision_role,
          p.influence,   p.phone,         p.email, p.wechat, p.touch_frequency_days,
          p.active};
}

KeyPersonFields changed(KeyPersonFields f, const KeyPersonChanges& c) {
  if (c.org_unit_id) f.org_unit_id = *c.org_unit_id;
  if (c.reports_to_id) f.reports_to_id = *c.reports_to_id;
  if (c.name) f.name = *c.name;
  if (c.title) f.title = *c.title;
  if (c.decision_role) f.decision_role = *c.decision_role;
  if (c.influence) f.influence = *c.influence;
  if (c.phone) f.phone = *c.phone;
  if (c.email) f.email = *c.email;
  if (c.wechat) f.wechat = *c.wechat;
  if (c.touch_frequency_days) f.touch_frequency_days = *c.touch_frequency_days;
  if (c.active) f.active = *c.active;
  return f;
}

bool same(const KeyPersonFields& a, const KeyPersonFields& b) {
  return a.org_unit_id == b.org_unit_id && a.reports_to_id == b.reports_to_id && a.name == b.name &&
         a.title == b.title && a.decision_role == b.decision_role && a.influence == b.influence &&
         a.phone == b.phone && a.email == b.email && a.wechat == b.wechat &&
         a.touch_frequency_days == b.touch_frequency_days && a.active == b.active;
}

boost::json::value optional_json(const std::optional<std::int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::value optional_json(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

// What the event log keeps of a key person: the structure, never personal fields.
boost::json::object structure_json(const store::KeyPersonRecord& p) {
  return {{"id", p.id},
          {"client_id", p.client_id},
          {"org_unit_id", optional_json(p.org_unit_id)},
          {"reports_to_id", optional_json(p.reports_to_id)},
          {"decision_role", p.decision_role},
          {"influence", p.influence},
          {"touch_frequency_days", optional_json(p.touch_frequency_days)},
          {"active", p.active},
          {"erased", p.erased_at.has_value()}};
}

boost::json::array personal_changes(const store::KeyPersonRecord* before,
                                    const store::KeyPersonRecord& after) {
  boost::json::array fields;
  if (!before || before->name != after.name) fields.push_back("name");
  if (!before || before->title != after.title) fields.push_back("title");
  if (!before || before->phone != after.phone) fields.push_back("phone");
  if (!before || before->email != after.email) fields.push_back("email");
  if (!before || before->wechat != after.wechat) fields.push_back("wechat");
  return fields;
}

core::Status append(const EventLog& events, store::Connection& db, const auth::Actor& actor,
                    std::string type, const std::optional<store::KeyPersonRecord>& before,
                    const store::KeyPersonRecord& after) {
  auto after_json = structure_json(after);
  after_json["personal_fields_changed"] = personal_changes(before ? &*before : nullptr, after);
  CrmEvent event{std::move(type), "key_person",          std::to_string(after.id),
                 std::nullopt,    std::move(after_json), std::nullopt};
  if (before) event.before = structure_json(*before);
  auto seq = events.append(db, actor, event);
  if (!seq) return seq.error();
  return {};
}

// The first UTF-8 character of text (whole, so masking never splits one).
std::string_view first_character(std::string_view text) {
  if (text.empty()) return text;
  const auto lead = static_cast<unsigned char>(text[0]);
  std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return text.substr(0, std::min(length, text.size()));
}

}  // namespace

std::span<const std::string_view> decision_roles() {
  return kDecisionRoles;
}

std::span<const std::string_view> influences() {
  return kInfluences;
}

std::string mask_phone(std::string_view phone) {
  std::string digits;
  for (char c : phone) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.size() < 8) return std::string(digits.size(), '*');
  return digits.substr(0, 3) + "****" + digits.substr(digits.size() - 4);
}

std::string mask_email(std::string_view email) {
  const auto at = email.find('@');
  if (at == std::string_view::npos) return "***";
  return std::string(first_character(email)) + "***" + std::string(email.substr(at));
}

std::string mask_handle(std::string_view handle) {
  return std::string(first_character(handle)) + "***";
}

boost::json::object key_person_to_json(const KeyPersonView& view) {
  const auto& p = view.person;
  const bool full = view.disclosure == Disclosure::full;
  auto contact = [&](const std::optional<std::string>& value, auto mask) -> boost::json::value {
    if (!value) return nullptr;
    return full ? boost::json::value(*value) : boost::json::value(mask(*value));
  };
  boost::json::object json = structure_json(p);
  json["name"] = p.name;
  json["title"] = optional_json(p.title);
  json["phone"] = contact(p.phone, mask_phone);
  json["email"] = contact(p.email, mask_email);
  json["wechat"] = contact(p.wechat, mask_handle);
  json["contact_masked"] = !full;
  json["created_at"] = core::format_rfc3339(core::from_micros(p.created_at));
  json["updated_at"] = core::format_rfc3339(core::from_micros(p.updated_at));
  return json;
}

core::Result<std::vector<KeyPersonView>> KeyPeopleService::disclose(
    std::vector<store::KeyPersonRecord> people, const auth::Principal& caller,
    std::string_view via) {
  auto access = scopes_.contacts(caller);
  if (!access) return access.error();
  const auto now = core::to_micros(clock_.now());
  std::vector<KeyPersonView> views;
  std::vector<store::ContactView> logged;
  views.reserve(people.size());
  for (auto& p : people) {
    KeyPersonView view{std::move(p), Disclosure::masked};
    if (access->sees(view.person.client_id)) {
      view.disclosure = Disclosure::full;
      if (view.person.phone || view.person.email || view.person.wechat) {
        logged.push_back({view.person.id, caller.user_id, std::string(via), now});
      }
    }
    views.push_back(std::move(view));
  }
  if (logged.empty()) return views;
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  if (auto s = store::KeyPersonRepository(write->connection()).log_views(logged); !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return views;
}

core::Result<KeyPersonView> KeyPeopleService::create(const NewKeyPerson& input,
                                                     const auth::Principal& caller,
                                                     const auth::Actor& actor) {
  store::KeyPersonRecord person;
  {
    auto write = store::WriteTransaction::begin(store_);
    if (!write) return write.error();
    auto created = create_in(write->connection(), input, actor);
    if (!created) return created.error();
    if (auto s = write->commit(); !s) return s.error();
    person = std::move(*created);
  }
  auto views = disclose({person}, caller, "record");
  if (!views) return views.error();
  return std::move(views->front());
}

core::Result<store::KeyPersonRecord> KeyPeopleService::create_in(store::Connection& db,
                                                                 const NewKeyPerson& input,
                                                                 const auth::Actor& actor) {
  if (auto s = check_fields(input.fields); !s) return s.error();
  if (auto s = check_client(db, input.client_id, "client_id"); !s) return s.error();
  if (auto s = check_placement(db, input.client_id, 0, input.fields.org_unit_id,
                               input.fields.reports_to_id);
      !s) {
    return s.error();
  }
  auto person = with_fields(store::KeyPersonRecord{}, input.fields);
  person.client_id = input.client_id;
  person.created_at = person.updated_at = core::to_micros(clock_.now());
  auto id = store::KeyPersonRepository(db).insert(person);
  if (!id) return id.error();
  person.id = *id;
  if (auto s = append(events_, db, actor, "key_person.created", std::nullopt, person); !s) {
    return s.error();
  }
  return person;
}

core::Result<KeyPersonView> KeyPeopleService::update(std::int64_t id,
                                                     const KeyPersonChanges& changes,
                                                     const auth::Principal& caller,
                                                     const auth::Actor& actor) {
  store::KeyPersonRecord after;
  {
    auto write = store::WriteTransaction::begin(store_);
    if (!write) return write.error();
    auto updated = update_in(write->connection(), id, changes, actor);
    if (!updated) return updated.error();
    if (auto s = write->commit(); !s) return s.error();
    after = std::move(updated->record);
  }
  auto views = disclose({after}, caller, "record");
  if (!views) return views.error();
  return std::move(views->front());
}

core::Result<Updated<store::KeyPersonRecord>> KeyPeopleService::update_in(
    store::Connection& db, std::int64_t id, const KeyPersonChanges& changes,
    const auth::Actor& actor) {
  auto before = load_unerased(db, id);
  if (!before) return before.error();
  const auto old_fields = fields_of(*before);
  const auto new_fields = changed(old_fields, changes);
  if (auto s = check_fields(new_fields); !s) return s.error();
  if (same(old_fields, new_fields)) {
    return Updated<store::KeyPersonRecord>{std::move(*before), false};
  }
  if (auto s = check_placement(db, before->client_id, id, new_fields.org_unit_id,
                               new_fields.reports_to_id);
      !s) {
    return s.error();
  }
  auto after = with_fields(*before, new_fields);
  after.updated_at = core::to_micros(clock_.now());
  if (auto s = store::KeyPersonRepository(db).update(after); !s) return s.error();
  if (auto s = append(events_, db, actor, "key_person.updated", *before, after); !s) {
    return s.error();
  }
  return Updated<store::KeyPersonRecord>{std::move(after), true};
}

core::Result<KeyPersonView> KeyPeopleService::move(std::int64_t id, const KeyPersonMove& move,
                                                   const auth::Principal& caller,
                                                   const auth::Actor& actor) {
  store::KeyPersonRecord after;
  {
    auto write = store::WriteTransaction::begin(store_);
    if (!write) return write.error();
    auto& db = write->connection();
    auto before = load_unerased(db, id);
    if (!before) return before.error();
    if (move.client_id == before->client_id) {
      return Error::invalid("client_id", "is the client the key person is already at");
    }
    if (auto s = check_client(db, move.client_id, "client_id"); !s) return s.error();
    if (move.title && *move.title) {
      if (auto s = check_text("title", **move.title, 100); !s) return s.error();
    }
    if (auto s = check_placement(db, move.client_id, id, move.org_unit_id, move.reports_to_id);
        !s) {
      return s.error();
    }
    const auto now = core::to_micros(clock_.now());
    store::KeyPersonRepository people(db);
    // Nobody at the old institution reports to someone who left it.
    auto reports = people.reports_of(id);
    if (!reports) return reports.error();
    for (auto report_id : *reports) {
      auto report = load(db, report_id);
      if (!report) return report.error();
      auto cleared = *report;
      cleared.reports_to_id.reset();
      cleared.updated_at = now;
      if (auto s = people.update(cleared); !s) return s.error();
      if (auto s = append(events_, db, actor, "key_person.updated", *report, cleared); !s) {
        return s.error();
      }
    }
    after = *before;
    after.client_id = move.client_id;
    after.org_unit_id = move.org_unit_id;
    after.reports_to_id = move.reports_to_id;
    if (move.title) after.title = *move.title;
    after.updated_at = now;
    if (auto s = people.update(after); !s) return s.error();
    if (auto s = append(events_, db, actor, "key_person.moved", *before, after); !s) {
      return s.error();
    }
    if (auto s = write->commit(); !s) return s.error();
  }
  auto views = disclose({after}, caller, "record");
  if (!views) return views.error();
  return std::move(views->front());
}

core::Result<KeyPersonView> KeyPeopleService::erase(std::int64_t id, const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto before = load(db, id);
  if (!before) return before.error();
  if (before->erased_at) return KeyPersonView{*before, Disclosure::full};  // erased already
  auto after = *before;
  after.name = std::string(kErasedName);
  after.title.reset();
  after.phone.reset();
  after.email.reset();
  after.wechat.reset();
  after.touch_frequency_days.reset();
  after.active = false;
  after.erased_at = after.updated_at = core::to_micros(clock_.now());
  if (auto s = store::KeyPersonRepository(db).update(after); !s) return s.error();
  if (auto s = append(events_, db, actor, "key_person.erased", *before, after); !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return KeyPersonView{after, Disclosure::full};  // nothing personal is left to mask
}

core::Result<KeyPersonView> KeyPeopleService::get(std::int64_t id, const auth::Principal& caller) {
  store::KeyPersonRecord person;
  {
    auto connection = store_.acquire();
    if (!connection) return connection.error();
    auto found = load(**connection, id);
    if (!found) return found.error();
    person = std::move(*found);
  }
  auto views = disclose({std::move(person)}, caller, "record");
  if (!views) return views.error();
  return std::move(views->front());
}

core::Result<KeyPersonPage> KeyPeopleService::list(const store::KeyPersonFilter& filter,
                                                   const auth::Principal& caller) {
  std::vector<store::KeyPersonRecord> people;
  {
    auto connection = store_.acquire();
    if (!connection) return connection.error();
    auto found = store::KeyPersonRepository(**connection).list(filter);
    if (!found) return found.error();
    people = std::move(*found);
  }
  KeyPersonPage page;
  if (people.size() > static_cast<std::size_t>(filter.limit)) {
    people.pop_back();
    page.next_after_id = people.back().id;
  }
  auto views = disclose(std::move(people), caller, "list");
  if (!views) return views.error();
  page.people = std::move(*views);
  return page;
}

core::Result<std::vector<KeyPersonView>> KeyPeopleService::of_client(
    std::int64_t client_id, const auth::Principal& caller) {
  std::vector<store::KeyPersonRecord> people;
  {
    auto connection = store_.acquire();
    if (!connection) return connection.error();
    if (auto s = check_client(**connection, client_id, ""); !s) return s.error();
    auto found = store::KeyPersonRepository(**connection).of_client(client_id);
    if (!found) return found.error();
    people = std::move(*found);
  }
  return disclose(std::move(people), caller, "org_chart");
}

core::Result<std::vector<std::pair<std::int64_t, store::ContactView>>>
KeyPeopleService::contact_views(std::int64_t id, std::int64_t before_id, int limit) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  if (auto found = load(**connection, id); !found) return found.error();
  return store::KeyPersonRepository(**connection).views_of(id, before_id, limit);
}

}  // namespace laurel::crm
