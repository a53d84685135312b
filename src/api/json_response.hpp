#pragma once
// Building JSON responses and list pages the same way in every handler.

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <optional>

#include "http/message.hpp"

namespace laurel::api {

http::Response json_response(unsigned status, const boost::json::value& body);

// {"items": [...], "next_cursor": "42" | null}: cursor pagination for every list.
http::Response page_response(boost::json::array items, std::optional<std::int64_t> next_cursor);

}  // namespace laurel::api
