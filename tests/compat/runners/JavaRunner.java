// Connects with pgJDBC given the JDBC output (as PGSimpleDataSource.setUrl in
// the snippet) and the URL that hibernate.cfg.xml holds (read with an XML
// parser, as Hibernate does, then opened through org.postgresql.Driver).
// Reads tab-separated cases (id, driver, base64 URL, base64 snippet, and for
// setup-step cases the environment variable to take the URL from, as the
// snippet's System.getenv does) from args[0]; prints one JSON result per line.
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;

import javax.xml.parsers.DocumentBuilderFactory;

import org.postgresql.ds.PGSimpleDataSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public class JavaRunner {
    static final String PROBE = "SELECT current_user, current_database(), pg_backend_pid(), s.ssl, s.client_dn "
            + "FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()";

    static String json(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    static String hibernateUrl(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Element root = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        NodeList props = root.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (p.getAttribute("name").equals("hibernate.connection.url")) return p.getTextContent();
        }
        throw new IllegalStateException("no hibernate.connection.url property");
    }

    static Connection open(String driver, String url, String snippet, StringBuilder extra) throws Exception {
        if (driver.equals("jdbc")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(url);
            return ds.getConnection();
        }
        String fromXml = hibernateUrl(snippet);
        extra.append(",\"xmlUrl\":").append(json(fromXml));
        return DriverManager.getConnection(fromXml);
    }

    public static void main(String[] args) throws Exception {
        Class.forName("org.postgresql.Driver");
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t", -1);
            Base64.Decoder b64 = Base64.getDecoder();
            String url = new String(b64.decode(f[2]), StandardCharsets.UTF_8);
            String envName = f.length > 4 ? f[4] : "";
            String envSeen = "";
            if (!envName.isEmpty()) {
                url = System.getenv(envName);
                envSeen = ",\"envSeen\":{" + json(envName) + ":" + json(url) + "}";
            }
            String snippet = new String(b64.decode(f[3]), StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder("{\"id\":").append(json(f[0]));
            StringBuilder extra = new StringBuilder();
            try (Connection conn = open(f[1], url == null ? "" : url, snippet, extra);
                 Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery(PROBE)) {
                rs.next();
                out.append(",\"ok\":true,\"user\":").append(json(rs.getString(1)))
                        .append(",\"database\":").append(json(rs.getString(2)))
                        .append(",\"pid\":").append(rs.getInt(3))
                        .append(",\"ssl\":").append(rs.getBoolean(4))
                        .append(",\"clientDn\":").append(json(rs.getString(5)));
            } catch (Exception e) {
                out.append(",\"ok\":false,\"error\":").append(json(e.toString()));
            }
            System.out.println(out.append(extra).append(envSeen).append('}'));
        }
    }
}
