#pragma once
// Building JSON responses and list pages the same way in every handler.

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <optional>

#include "http/message.hpp"
#include "http/query_input.hpp"
#include "http/router.hpp"

namespace laurel::api {

http::Response json_response(unsigned status, const boost::json::value& body);

// {"items": [...], "next_cursor": "42" | null}: cursor pagination for every list.
http::Response page_response(boost::json::array items, std::optional<std::int64_t> next_cursor);

// A page of records, each turned into JSON by `to_json`.
template <class Records, class ToJson>
http::Response page_of(const Records& records, std::optional<std::int64_t> next_cursor,
                       ToJson to_json) {
  boost::json::array items;
  items.reserve(records.size());
  for (const auto& record : records)
    items.push_back(to_json(record));
  return page_response(std::move(items), next_cursor);
}

// The handler of GET .../{id}: a valid id, the record from `get(id)`, 200 with `to_json` of it.
template <class Get, class ToJson>
http::Handler get_by_id(Get get, ToJson to_json) {
  return [get, to_json](const http::Request&,
                        http::RequestContext& context) -> core::Result<http::Response> {
    auto id = context.id_param("id");
    if (!id) return id.error();
    auto record = get(*id);
    if (!record) return record.error();
    return json_response(200, to_json(*record));
  };
}

// A route handler calling `handler(services, request, context)`: one line per route.
template <class Services, class Handler>
http::Handler with(Services& services, Handler handler) {
  return [&services, handler](const http::Request& request, http::RequestContext& context) {
    return handler(services, request, context);
  };
}

// ?cursor= and ?limit= into a list filter's after_id and limit.
template <class Filter>
core::Status read_page(http::QueryInput& query, Filter& filter) {
  auto cursor = query.cursor();
  if (!cursor) return cursor.error();
  filter.after_id = *cursor;
  auto limit = query.limit();
  if (!limit) return limit.error();
  filter.limit = *limit;
  return {};
}

// ?cursor= and ?limit= into a newest-first list filter's before_id and limit (the cursor is the
// last id of the previous page).
template <class Filter>
core::Status read_newest_first_page(http::QueryInput& query, Filter& filter) {
  auto cursor = query.cursor();
  if (!cursor) return cursor.error();
  filter.before_id = *cursor;
  auto limit = query.limit();
  if (!limit) return limit.error();
  filter.limit = *limit;
  return {};
}

// As paged_by_id, for lists whose records depend on the caller: `list(after_id, limit,
// principal)`.
template <class List, class Records, class ToJson>
http::Handler paged_by_id_for_caller(List list, Records records, ToJson to_json) {
  return [list, records, to_json](const http::Request& request,
                                  http::RequestContext& context) -> core::Result<http::Response> {
    auto query = http::QueryInput::parse(request.query);
    if (!query) return query.error();
    struct {
      std::int64_t after_id = 0;
      int limit = 50;
    } page;
    if (auto s = read_page(*query, page); !s) return s.error();
    if (auto s = query->finish(); !s) return s.error();
    auto found = list(page.after_id, page.limit, context.user());
    if (!found) return found.error();
    return page_of((*found).*records, found->next_after_id, to_json);
  };
}

// The handler of GET on a list paged by id (?cursor=, ?limit=, nothing else): `list(after_id,
// limit)` gives a page with `records` and `next_after_id`, each record answered as `to_json`.
template <class List, class Records, class ToJson>
http::Handler paged_by_id(List list, Records records, ToJson to_json) {
  return paged_by_id_for_caller([list](std::int64_t after_id, int limit,
                                       const auth::Principal&) { return list(after_id, limit); },
                                records, to_json);
}

// As get_by_id, for records whose visibility depends on the caller: `get(id, principal)`.
template <class Get, class ToJson>
http::Handler get_by_id_for_caller(Get get, ToJson to_json) {
  return [get, to_json](const http::Request&,
                        http::RequestContext& context) -> core::Result<http::Response> {
    auto id = context.id_param("id");
    if (!id) return id.error();
    auto record = get(*id, context.user());
    if (!record) return record.error();
    return json_response(200, to_json(*record));
  };
}

}  // namespace laurel::api
