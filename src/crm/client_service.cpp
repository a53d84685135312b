#include "crm/client_service.hpp"

#include <array>
#include <boost/json/object.hpp>

#include "core/timestamp.hpp"
#include "crm/credit_code.hpp"
#include "crm/product_service.hpp"
#include "crm/text_rules.hpp"

namespace laurel::crm {
namespace {

using core::Error;

constexpr std::array<std::string_view, 8> kTypes = {"bank",    "insurer", "broker",    "fund",
                                                    "pension", "trust",   "corporate", "other"};

// A registration code already in use: point to the client that has it.
core::Error duplicate(store::Connection& db, const std::string& code) {
  auto existing = store::ClientRepository(db).find_by_registration_code(code);
  if (existing && *existing && (*existing)->merged_into) {
    const auto survivor = std::to_string(*(*existing)->merged_into);
    return Error::conflict("registered to client " + std::to_string((*existing)->id) +
                               ", merged into client " + survivor + ": /api/v1/clients/" + survivor,
                           "registration_code");
  }
  if (existing && *existing) {
    return Error::conflict("already registered as client " + std::to_string((*existing)->id) +
                               " (" + (*existing)->name + "): /api/v1/clients/" +
                               std::to_string((*existing)->id),
                           "registration_code");
  }
  return Error::conflict("a client with this registration code exists", "registration_code");
}

core::Result<store::ClientRecord> load(store::Connection& db, std::int64_t id) {
  auto found = store::ClientRepository(db).find(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no client " + std::to_string(id));
  return std::move(**found);
}

}  // namespace

std::span<const std::string_view> client_types() {
  return kTypes;
}

boost::json::object client_to_json(const store::ClientRecord& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"short_name", c.short_name ? boost::json::value(*c.short_name) : nullptr},
          {"registration_code", c.registration_code},
          {"type", c.type},
          {"region", c.region ? boost::json::value(*c.region) : nullptr},
          {"created_at", core::format_rfc3339(core::from_micros(c.created_at))},
          {"updated_at", core::format_rfc3339(core::from_micros(c.updated_at))},
          {"merged_into", c.merged_into ? boost::json::value(*c.merged_into) : nullptr}};
}

core::Result<store::ClientRecord> ClientService::create(const NewClient& input,
                                                        const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto client = create_in(write->connection(), input, actor);
  if (!client) return client.error();
  if (auto s = write->commit(); !s) return s.error();
  return client;
}

core::Result<store::ClientRecord> ClientService::create_in(store::Connection& db,
                                                           const NewClient& input,
                                                           const auth::Actor& actor) {
  if (auto s = check_text("name", input.name, 200); !s) return s.error();
  if (input.short_name) {
    if (auto s = check_text("short_name", *input.short_name, 50); !s) return s.error();
  }
  auto code = normalise_credit_code(input.registration_code);
  if (!code) return code.error();
  if (auto s = check_one_of("type", input.type, kTypes); !s) return s.error();
  if (input.region) {
    if (auto s = check_text("region", *input.region, 50); !s) return s.error();
  }
  store::ClientRecord client{0, input.name, input.short_name, *code, input.type, input.region,
                             0, 0,          std::nullopt};
  client.created_at = client.updated_at = core::to_micros(clock_.now());
  auto id = store::ClientRepository(db).insert(client);
  if (!id) {
    if (id.error().field == "registration_code") return duplicate(db, *code);
    return id.error();
  }
  client.id = *id;
  if (auto seq = events_.append(db, actor,
                                {"client.created", "client", std::to_string(*id), std::nullopt,
                                 client_to_json(client), std::nullopt});
      !seq) {
    return seq.error();
  }
  return client;
}

core::Result<store::ClientRecord> ClientService::update(std::int64_t id,
                                                        const ClientChanges& changes,
                                                        const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto client = update_in(write->connection(), id, changes, actor);
  if (!client) return client.error();
  if (auto s = write->commit(); !s) return s.error();
  return std::move(client->record);
}

core::Result<Updated<store::ClientRecord>> ClientService::update_in(store::Connection& db,
                                                                    std::int64_t id,
                                                                    const ClientChanges& changes,
                                                                    const auth::Actor& actor) {
  if (changes.name) {
    if (auto s = check_text("name", *changes.name, 200); !s) return s.error();
  }
  if (changes.short_name && *changes.short_name) {
    if (auto s = check_text("short_name", **changes.short_name, 50); !s) return s.error();
  }
  std::optional<std::string> code;
  if (changes.registration_code) {
    auto normal = normalise_credit_code(*changes.registration_code);
    if (!normal) return normal.error();
    code = std::move(*normal);
  }
  if (changes.type) {
    if (auto s = check_one_of("type", *changes.type, kTypes); !s) return s.error();
  }
  if (changes.region && *changes.region) {
    if (auto s = check_text("region", **changes.region, 50); !s) return s.error();
  }
  auto before = load(db, id);
  if (!before) return before.error();
  if (before->merged_into) {
    return Error::conflict("client " + std::to_string(id) + " was merged into client " +
                           std::to_string(*before->merged_into) + "; change that one");
  }
  store::ClientRecord after = *before;
  if (changes.name) after.name = *changes.name;
  if (changes.short_name) after.short_name = *changes.short_name;
  if (code) after.registration_code = *code;
  if (changes.type) after.type = *changes.type;
  if (changes.region) after.region = *changes.region;
  if (after.name == before->name && after.short_name == before->short_name &&
      after.registration_code == before->registration_code && after.type == before->type &&
      after.region == before->region) {
    return Updated<store::ClientRecord>{std::move(*before), false};  // nothing changes: no event
  }
  after.updated_at = core::to_micros(clock_.now());
  if (auto s = store::ClientRepository(db).update(after); !s) {
    if (s.error().field == "registration_code") return duplicate(db, after.registration_code);
    return s.error();
  }
  if (auto seq = events_.append(db, actor,
                                {"client.updated", "client", std::to_string(id),
                                 client_to_json(*before), client_to_json(after), std::nullopt});
      !seq) {
    return seq.error();
  }
  return Updated<store::ClientRecord>{std::move(after), true};
}

core::Result<store::ClientRecord> ClientService::get(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  return load(**connection, id);
}

core::Result<ClientPage> ClientService::list(const store::ClientFilter& filter) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto clients = store::ClientRepository(**connection).list(filter);
  if (!clients) return clients.error();
  ClientPage page;
  if (clients->size() > static_cast<std::size_t>(filter.limit)) {
    clients->pop_back();
    page.next_after_id = clients->back().id;
  }
  page.clients = std::move(*clients);
  return page;
}

namespace {

boost::json::object moved_to_json(const store::MovedRecords& m) {
  return {{"transactions", m.transactions},
          {"balances", m.balances},
          {"visits", m.visits},
          {"service_records", m.service_records},
          {"org_units", m.org_units},
          {"key_people", m.key_people},
          {"opportunities", m.opportunities},
          {"targets", m.targets},
          {"coverage_plans", m.coverage_plans}};
}

}  // namespace

boost::json::object merge_result_to_json(const MergeResult& result) {
  return {{"client", client_to_json(result.survivor)},
          {"merged_client", client_to_json(result.merged)},
          {"moved", moved_to_json(result.moved)}};
}

core::Result<MergeResult> ClientService::merge(std::int64_t survivor_id, std::int64_t duplicate_id,
                                               const auth::Actor& actor) {
  if (survivor_id == duplicate_id) {
    return Error::invalid("duplicate_id", "is the client itself");
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto survivor = load(db, survivor_id);
  if (!survivor) return survivor.error();
  auto duplicate_client = store::ClientRepository(db).find(duplicate_id);
  if (!duplicate_client) return duplicate_client.error();
  if (!*duplicate_client) {
    return Error::invalid("duplicate_id", "no client " + std::to_string(duplicate_id));
  }
  for (const auto& c : {*survivor, **duplicate_client}) {
    if (c.merged_into) {
      return Error::conflict("client " + std::to_string(c.id) + " was already merged into client " +
                             std::to_string(*c.merged_into));
    }
  }
  MergeResult result;
  auto moved = store::move_client_records(db, duplicate_id, survivor_id);
  if (!moved) return moved.error();
  result.moved = *moved;
  const auto now = core::to_micros(clock_.now());
  if (auto s = store::ClientRepository(db).mark_merged(duplicate_id, survivor_id, now); !s) {
    return s.error();
  }
  result.merged = **duplicate_client;
  result.merged.merged_into = survivor_id;
  result.merged.updated_at = now;
  result.survivor = *survivor;
  auto after = client_to_json(result.survivor);
  after["merged_client_id"] = duplicate_id;
  after["moved"] = moved_to_json(result.moved);
  if (auto seq = events_.append(db, actor,
                                {"client.merged", "client", std::to_string(survivor_id),
                                 client_to_json(**duplicate_client), after, std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto seq = events_.append(
          db, actor,
          {"client.merged_into", "client", std::to_string(duplicate_id),
           client_to_json(**duplicate_client), client_to_json(result.merged), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return result;
}

}  // namespace laurel::crm
