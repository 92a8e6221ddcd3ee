# One fuzz test (ctest): runs a libFuzzer target for a fixed number of runs over a scratch copy
# of its seed corpus, since libFuzzer adds the inputs it finds to the first corpus directory.
#   cmake -DFUZZER=… -DCORPUS=… -DWORK=… -DRUNS=… -DMAX_LEN=… -P run_fuzzer.cmake
foreach(variable FUZZER CORPUS WORK RUNS MAX_LEN)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "run_fuzzer.cmake: -D${variable}=… is missing")
  endif()
endforeach()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/artifacts)
file(COPY ${CORPUS}/ DESTINATION ${WORK}/corpus)

execute_process(
  COMMAND ${FUZZER} -runs=${RUNS} -seed=1 -max_len=${MAX_LEN} -timeout=10 -rss_limit_mb=2048
          -print_final_stats=1 -artifact_prefix=${WORK}/artifacts/ ${WORK}/corpus
  WORKING_DIRECTORY ${WORK}
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (${result}); the input that failed is in ${WORK}/artifacts/")
endif()
