//! `Ipv4Addr`, `Ipv6Addr` and `IpAddr` into `ipaddress.IPv4Address`/`IPv6Address`, and from
//! objects with a `packed` attribute of 4 or 16 bytes, or whose `str()` parses as an address.

use super::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
use crate::instance::{Borrowed, Bound, Py};
use crate::marker::Python;
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyStringMethods};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

fn ipaddress<'py, V: IntoPyObject<'py>>(
    py: Python<'py>,
    class: &str,
    value: V,
) -> PyResult<Bound<'py, PyAny>> {
    // Imported once per process (as PyO3 does) rather than on every conversion.
    static IPV4: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    static IPV6: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let cache = if class == "IPv4Address" { &IPV4 } else { &IPV6 };
    cache.import(py, "ipaddress", class)?.call1((value,))
}

/// `obj.packed` as `N` bytes, if it has such an attribute.
fn packed<const N: usize>(obj: Borrowed<'_, '_, PyAny>) -> Option<[u8; N]> {
    obj.getattr("packed").ok()?.extract::<[u8; N]>().ok()
}

/// `str(obj)` parsed by Rust; a `ValueError` if it is not an address.
fn parse<T>(obj: Borrowed<'_, '_, PyAny>) -> PyResult<T>
where
    T: FromStr<Err = std::net::AddrParseError>,
{
    Ok(obj.str()?.to_cow()?.parse::<T>()?)
}

macro_rules! ip_into {
    ($($t:ty => |$ip:ident, $py:ident| $body:expr),* $(,)?) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyAny;
            type Output = Bound<'py, PyAny>;
            type Error = PyErr;
            fn into_pyobject(self, $py: Python<'py>) -> PyResult<Self::Output> {
                let $ip = self;
                $body
            }
        }
    )*};
}

ip_into! {
    Ipv4Addr => |ip, py| ipaddress(py, "IPv4Address", u32::from(ip)),
    &Ipv4Addr => |ip, py| (*ip).into_pyobject(py),
    Ipv6Addr => |ip, py| ipaddress(py, "IPv6Address", u128::from(ip)),
    &Ipv6Addr => |ip, py| (*ip).into_pyobject(py),
    IpAddr => |ip, py| match ip {
        IpAddr::V4(v4) => v4.into_pyobject(py),
        IpAddr::V6(v6) => v6.into_pyobject(py),
    },
    &IpAddr => |ip, py| (*ip).into_pyobject(py),
}

impl<'a, 'py> FromPyObject<'a, 'py> for Ipv4Addr {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Ipv4Addr> {
        match packed::<4>(obj) {
            Some(octets) => Ok(Ipv4Addr::from(octets)),
            None => parse(obj),
        }
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Ipv6Addr {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Ipv6Addr> {
        match packed::<16>(obj) {
            Some(octets) => Ok(Ipv6Addr::from(octets)),
            None => parse(obj),
        }
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for IpAddr {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<IpAddr> {
        if let Some(octets) = packed::<4>(obj) {
            return Ok(IpAddr::from(octets));
        }
        if let Some(octets) = packed::<16>(obj) {
            return Ok(IpAddr::from(octets));
        }
        parse(obj)
    }
}
