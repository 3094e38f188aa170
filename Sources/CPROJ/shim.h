// PROJ's C API (CRS, coordinate operations) and its geodesic routines (GeographicLib's C port).
#include <proj.h>
#include <geodesic.h>
