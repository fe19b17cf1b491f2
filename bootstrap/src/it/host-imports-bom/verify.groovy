// Every convostore artifact the host resolved has this build's version, and every library the BOM
// pins resolved to the pinned version, although the host's other library asks for older ones.
def resolved = [:]
new File(basedir, 'dependencies.txt').eachLine { line ->
  def parts = line.trim().split(':')
  if (parts.length >= 5) {
    resolved[parts[0] + ':' + parts[1]] = parts[3]
  }
}
def wrong = []
resolved.findAll { it.key.startsWith('dev.convostore:') }.each { key, version ->
  if (version != convostoreVersion) wrong << "$key resolved $version, expected $convostoreVersion"
}
if (!resolved.containsKey('dev.convostore:convostore-adapter-postgres')) wrong << 'convostore-adapter-postgres not resolved'
pinnedVersions.split(',').collect { it.trim() }.findAll { it }.each { pin ->
  def (key, version) = pin.split('=')
  if (resolved[key] != version) wrong << "$key resolved ${resolved[key]}, expected the pin $version"
}
if (wrong) {
  throw new AssertionError('The host did not get the tested versions:\n  ' + wrong.join('\n  '))
}
println "host resolved ${resolved.size()} artifacts at the tested versions"
