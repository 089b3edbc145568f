/* Finsam faktabank: Material's search worker with Swedish stemming applied to what the reader types.
 *
 * With `lang: sv` the index holds Swedish stems ("styrelsen" is indexed as "styrelse"). Material turns every
 * typed word into a prefix query ("styrelsen*"), and lunr runs no pipeline, so no stemmer, on a wildcard
 * term: an inflected word then missed every page that has it. Here a prefix term is stemmed before it is
 * searched ("styrelsen*" becomes "styrelse*"), so "styrelsen", "styrelsens" and "styrelse" find the same pages,
 * and a word still being typed matches as a prefix. overrides/main.html points Material's configuration at
 * this file and passes the name of Material's own worker, which does everything else.
 */
const material = new URL(self.location.href).searchParams.get("material") || ""
if (!/^search\.[0-9a-f]+\.min\.js$/.test(material))
  throw new Error(`faktabank-search: unexpected Material worker ${material}`)
importScripts(material)

const addClause = lunr.Query.prototype.clause
lunr.Query.prototype.clause = function (clause) {
  const word = /^([^*]+)\*$/.exec(clause.term || "")
  if (word && clause.usePipeline === false && lunr.sv) {
    const stem = lunr.sv.stemmer(new lunr.Token(word[1], {})).toString()
    if (stem)
      clause.term = `${stem}*`
  }
  return addClause.call(this, clause)
}
