# The task farm behind distributed sweeps, added to sim_experiment. With CMHSIM_WITH_MPI it links
# Open MPI (privately: no public header mentions MPI); without it every task runs in one process.
find_package(Threads REQUIRED)
target_sources(sim_experiment PRIVATE ${CMAKE_CURRENT_LIST_DIR}/task_farm.cpp)
target_link_libraries(sim_experiment PRIVATE Threads::Threads)
if(CMHSIM_WITH_MPI)
  target_sources(sim_experiment PRIVATE ${CMAKE_CURRENT_LIST_DIR}/mpi_messages.cpp
                                        ${CMAKE_CURRENT_LIST_DIR}/mpi_task_farm.cpp)
  target_link_libraries(sim_experiment PRIVATE MPI::MPI_CXX)
  target_compile_definitions(sim_experiment PRIVATE CMHSIM_WITH_MPI=1)
endif()
