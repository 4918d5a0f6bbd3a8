# Copies etagere_*.ts from TS_DIR to OUT_DIR and refreshes the copies with lupdate from the
# same lupdate projects as `update_translations` (PROJECT_DIR), keeping vanished strings so the
# catalog test sees them. The committed .ts files are not touched.
file(REMOVE_RECURSE "${OUT_DIR}")
file(MAKE_DIRECTORY "${OUT_DIR}")
foreach(project EtagereTranslations EtagereTranslationsPlurals)
    set(base "${PROJECT_DIR}/${project}_project")
    execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${base}.cmake -DOUT_FILE=${OUT_DIR}/${project}.json
                            -P "${LUPDATE_PROJECT_SCRIPT}"
                    RESULT_VARIABLE result)
    if(result)
        message(FATAL_ERROR "cannot write the lupdate project of ${project}")
    endif()
    include("${base}.cmake") # lupdate_translations: the .ts files of this project
    set(copies)
    foreach(ts IN LISTS lupdate_translations)
        get_filename_component(name "${ts}" NAME)
        file(COPY "${TS_DIR}/${name}" DESTINATION "${OUT_DIR}")
        list(APPEND copies "${OUT_DIR}/${name}")
    endforeach()
    set(options -locations none -silent)
    if(project STREQUAL "EtagereTranslationsPlurals")
        list(APPEND options -pluralonly)
    endif()
    execute_process(COMMAND "${LUPDATE}" -project ${OUT_DIR}/${project}.json ${options} -ts ${copies}
                    RESULT_VARIABLE result)
    if(result)
        message(FATAL_ERROR "lupdate failed on ${copies}")
    endif()
endforeach()
