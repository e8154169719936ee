# The Python module (python/, docs/python.md): built when ZORGSIM_PYTHON is on (the default) and
# Debian's python3-dev and pybind11-dev (scripts/install-deps.sh) are found; sets
# ZORGSIM_PYTHON_MODULE to whether it is. Included before the libraries are defined: they are
# linked into a shared module, so they are compiled as position-independent code.
set(ZORGSIM_PYTHON_MODULE OFF)
if(NOT ZORGSIM_PYTHON)
  return()
endif()
if(ZORGSIM_SANITIZE OR ZORGSIM_FUZZ)
  # The sanitizers' runtime would have to be preloaded into the interpreter.
  message(STATUS "zorgsim: the Python module is not built with sanitizers or fuzzing")
  return()
endif()
# The interpreter Debian's python3-pybind11, python3-pandas and python3-numpy are for, rather
# than the first python3 on PATH (which may be a pyenv or a virtual environment without them);
# -DPython3_EXECUTABLE=... chooses another.
if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3)
endif()
find_package(Python3 COMPONENTS Interpreter Development.Module)
if(NOT Python3_Development.Module_FOUND)
  message(STATUS "zorgsim: no Python development headers (python3-dev): the Python module is "
                 "not built")
  return()
endif()
find_package(pybind11 2.6 CONFIG QUIET)
if(NOT pybind11_FOUND)
  message(STATUS "zorgsim: no pybind11 (pybind11-dev): the Python module is not built")
  return()
endif()
message(STATUS "zorgsim: building the Python module for ${Python3_EXECUTABLE} "
               "(${Python3_VERSION}, pybind11 ${pybind11_VERSION})")
set(ZORGSIM_PYTHON_MODULE ON)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
