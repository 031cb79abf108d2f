// interp/modules/math_gamma.cpp -- math.gamma and math.lgamma by CPython's method (Lanczos
// approximation, N=13, g=6.024680040776729583740234375, as Boost; reflection for x < 0), so
// that results agree with python3.11 bit for bit rather than with glibc's tgamma.
#include <cerrno>
#include <cmath>

#include "interp/modules/math_internal.h"

namespace tpy::math_mod {
namespace {

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kLogPi = 1.144729885849400174143427351353058711647;
constexpr double kG = 6.024680040776729583740234375;
constexpr double kGMinusHalf = 5.524680040776729583740234375;
constexpr int kN = 13;
// The Lanczos sum as a rational function: numerator coefficients, and the denominator
// x*(x+1)*...*(x+11) expanded.
constexpr double kNum[kN] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
constexpr double kDen[kN] = {0.0,      39916800.0, 120543840.0, 150917976.0, 105258076.0,
                             45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                             1925.0,   66.0,       1.0};
// gamma(1) .. gamma(23), exact.
constexpr int kExactGammas = 23;
constexpr double kFactorials[kExactGammas] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0,
    39916800.0, 479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0,
    20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0,
    2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0};

// sin(pi * x), accurate near integers (for the reflection formula); x finite.
double sin_pi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  double r;
  switch (static_cast<int>(std::round(2.0 * y))) {
    case 0: r = std::sin(kPi * y); break;
    case 1: r = std::cos(kPi * (y - 0.5)); break;
    case 2: r = std::sin(kPi * (1.0 - y)); break;  // not -sin(pi*(y-1)): keeps +0.0 at y == 1
    case 3: r = -std::cos(kPi * (y - 1.5)); break;
    default: r = std::sin(kPi * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

// The Lanczos sum for x > 0; in 1/x above 5 so that large x cannot overflow.
double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = kN - 1; i >= 0; i--) {
      num = num * x + kNum[i];
      den = den * x + kDen[i];
    }
  } else {
    for (int i = 0; i < kN; i++) {
      num = num / x + kNum[i];
      den = den / x + kDen[i];
    }
  }
  return num / den;
}

}  // namespace

double m_tgamma(double x, int* err) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    *err = EDOM;
    return NAN;
  }
  if (x == 0.0) {
    *err = EDOM;
    return std::copysign(HUGE_VAL, x);
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      *err = EDOM;
      return NAN;
    }
    if (x <= kExactGammas) return kFactorials[static_cast<int>(x) - 1];
  }
  double ax = std::fabs(x);
  if (ax < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) *err = ERANGE;
    return r;
  }
  if (ax > 200.0) {
    if (x < 0.0) return 0.0 / sin_pi(x);
    *err = ERANGE;
    return HUGE_VAL;
  }
  double y = ax + kGMinusHalf;
  // z: the rounding error of y = ax + g - 0.5, scaled; corrects pow(y, ...) / exp(y).
  double z;
  if (ax > kGMinusHalf) {
    double q = y - ax;
    z = q - kGMinusHalf;
  } else {
    double q = y - kGMinusHalf;
    z = q - ax;
  }
  z = z * kG / y;
  double r;
  if (x < 0.0) {
    r = -kPi / sin_pi(ax) / ax * std::exp(y) / lanczos_sum(ax);
    r -= z * r;
    if (ax < 140.0) {
      r /= std::pow(y, ax - 0.5);
    } else {
      double sqrtpow = std::pow(y, ax / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(ax) / std::exp(y);
    r += z * r;
    if (ax < 140.0) {
      r *= std::pow(y, ax - 0.5);
    } else {
      double sqrtpow = std::pow(y, ax / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (std::isinf(r)) *err = ERANGE;
  return r;
}

double m_lgamma(double x, int* err) {
  if (!std::isfinite(x)) return std::isnan(x) ? x : HUGE_VAL;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      *err = EDOM;
      return HUGE_VAL;
    }
    return 0.0;
  }
  double ax = std::fabs(x);
  if (ax < 1e-20) return -std::log(ax);
  double r = std::log(lanczos_sum(ax)) - kG;
  r += (ax - 0.5) * (std::log(ax + kG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(sin_pi(ax))) - std::log(ax) - r;
  if (std::isinf(r)) *err = ERANGE;
  return r;
}

}  // namespace tpy::math_mod
