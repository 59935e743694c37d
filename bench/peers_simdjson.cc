/*
 * peers_simdjson.cc - simdjson On-Demand peer. One parser reused; the
 * schema walked in one forward pass (Data may come before Action: its
 * members are checked against every variant, as hookc does, and the
 * variant's required set is checked at the end).
 *
 * On-Demand skips what it is not asked for without validating it, so
 * for equal validation every unknown member is visited: keys unescaped,
 * strings unescaped, numbers parsed, literals read. peer_simdjson_skip
 * (PEER_SKIP) is the same walk letting On-Demand skip unknown members;
 * it is reported for information only (not equal validation).
 *
 * Built twice: generically (-O2, like every peer) and, for information,
 * with -march=haswell, which selects simdjson's AVX2 kernels for the
 * On-Demand stage (stage 1 is dispatched at run time in both builds).
 * PEER_FN names the entry point of a build.
 */
#include <simdjson.h>

#include "peers.h"
#include "validate.h"

using namespace simdjson;

namespace {

ondemand::parser parser;

template <bool SKIP>
error_code any(ondemand::value v)
{
    ondemand::json_type t;
    error_code e = v.type().get(t);
    if (e)
        return e;
    switch (t) {
    case ondemand::json_type::object: {
        ondemand::object o;
        if ((e = v.get_object().get(o)))
            return e;
        for (auto f : o) {
            std::string_view k;
            ondemand::value fv;
            if ((e = f.unescaped_key().get(k)) || (e = f.value().get(fv)) ||
                (e = any<SKIP>(fv)))
                return e;
        }
        return SUCCESS;
    }
    case ondemand::json_type::array: {
        ondemand::array a;
        if ((e = v.get_array().get(a)))
            return e;
        for (auto el : a) {
            ondemand::value ev;
            if ((e = el.get(ev)) || (e = any<SKIP>(ev)))
                return e;
        }
        return SUCCESS;
    }
    case ondemand::json_type::string: {
        std::string_view s;
        return v.get_string().get(s);
    }
    case ondemand::json_type::number: {
        double d;
        return v.get_double().get(d);
    }
    case ondemand::json_type::boolean: {
        bool b;
        return v.get_bool().get(b);
    }
    default: {
        bool n;
        if ((e = v.is_null().get(n)))
            return e;
        return n ? SUCCESS : TAPE_ERROR;
    }
    }
}

template <bool SKIP>
bool unknown(ondemand::value v)
{
    if (SKIP)
        return true;    /* On-Demand skips it when the loop moves on */
    return any<SKIP>(v) == SUCCESS;
}

template <bool SKIP>
bool record(ondemand::value v, int b)
{
    ondemand::object o;
    unsigned seen = 0;
    if (v.get_object().get(o))
        return false;
    for (auto f : o) {
        std::string_view k, s;
        ondemand::value fv;
        if (f.unescaped_key().get(k) || f.value().get(fv))
            return false;
        int key = v_rec_key(b, k.data(), k.size());
        if (key < 0) {
            if (!unknown<SKIP>(fv))
                return false;
            continue;
        }
        if ((seen & (1u << key)) || fv.get_string().get(s) ||
            !v_rec_string(key, s.data(), s.size()))
            return false;
        seen |= 1u << key;
    }
    return seen == v_rec_required(b);
}

template <bool SKIP>
bool body(ondemand::value v, unsigned &seen)
{
    ondemand::object o;
    if (v.get_object().get(o))
        return false;
    for (auto f : o) {
        std::string_view k, s;
        ondemand::value fv;
        if (f.unescaped_key().get(k) || f.value().get(fv))
            return false;
        int b = v_body_key(k.data(), k.size());
        if (b < 0) {
            if (!unknown<SKIP>(fv))
                return false;
            continue;
        }
        if (seen & (1u << b))
            return false;
        seen |= 1u << b;
        if (v_body_nullable & (1u << b)) {
            bool isnull;
            if (fv.is_null().get(isnull))
                return false;
            if (isnull)
                continue;
        }
        switch (v_body_type[b]) {
        case T_RECORD:
            if (!record<SKIP>(fv, b))
                return false;
            break;
        case T_BOOL: {
            bool x;
            if (fv.get_bool().get(x))
                return false;
            break;
        }
        default:
            if (fv.get_string().get(s) || !v_body_string(b, s.data(), s.size()))
                return false;
        }
    }
    return true;
}

template <bool SKIP>
int check(const char *p, size_t n, size_t cap)
{
    ondemand::document doc;
    ondemand::object root;
    int action = -1;
    unsigned rseen = 0, bseen = 0;

    if (parser.iterate(p, n, cap).get(doc) || doc.get_object().get(root))
        return 0;
    for (auto f : root) {
        std::string_view k, s;
        ondemand::value fv;
        if (f.unescaped_key().get(k) || f.value().get(fv))
            return 0;
        int r = v_root_key(k.data(), k.size());
        if (r < 0) {
            if (!unknown<SKIP>(fv))
                return 0;
            continue;
        }
        if (rseen & (1u << r))
            return 0;
        rseen |= 1u << r;
        if (r == R_ACTION) {
            if (fv.get_string().get(s) || (action = v_action(s.data(), s.size())) < 0)
                return 0;
        } else if (!body<SKIP>(fv, bseen)) {
            return 0;
        }
    }
    /* past the root object, a location means trailing content */
    const char *loc;
    if (doc.current_location().get(loc) == SUCCESS)
        return 0;
    return action >= 0 && (rseen & (1u << R_DATA)) &&
           (bseen & v_required[action]) == v_required[action];
}

} // namespace

extern "C" int PEER_FN(const char *p, size_t n, size_t cap)
{
    return check<false>(p, n, cap);
}

#ifdef PEER_SKIP
extern "C" int PEER_SKIP(const char *p, size_t n, size_t cap)
{
    return check<true>(p, n, cap);
}

extern "C" const char *peer_simdjson_impl(void)
{
    static std::string s;
    s = std::string(simdjson::get_active_implementation()->name()) +
        " stage 1, " + simdjson::builtin_implementation()->name() + " On-Demand";
    return s.c_str();
}
#endif
